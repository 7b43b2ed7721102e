// How the paper's headline figures move with the SN40L's least certain, unpublished figures:
// `npx tsx tools/paperSensitivity.ts`. One figure changes at a time; the rest keep their presets.
import { paperReport } from '../main/sim/paper/report'
import type { SystemOverride } from '../main/sim/scenario/schema'

const variations: [string, SystemOverride][] = [
  ['presets', {}],
  // The P2P exchange is the SN40L's unpublished collective figure (3.5 µs: an 8-socket all-reduce
  // costs the 0.4.0 ring's 21 µs); a call cost stands for a dearer in-kernel synchronisation.
  ['P2P exchange 0.75 µs', { collectiveStepLatency: 0.75e-6 }],
  ['P2P exchange 3.5 µs', { collectiveStepLatency: 3.5e-6 }],
  ['collective call 12 µs', { collectiveLatency: 12e-6 }],
  ['host per-token cost 0', { sequenceStepOverhead: 0 }],
  ['host per-token cost 400 µs', { sequenceStepOverhead: 400e-6 }],
  ['host kernel call 10 µs', { hostKernelOverhead: 10e-6 }],
  ['host kernel call 30 µs', { hostKernelOverhead: 30e-6 }],
  ['P2P 50 GB/s', { interconnectBandwidth: 50e9 }],
  ['P2P 200 GB/s', { interconnectBandwidth: 200e9 }],
  ['HBM efficiency 0.7', { memoryEfficiency: 0.7 }],
  ['attention efficiency 0.5', { attentionEfficiency: 0.5 }],
  ['kernel ramp 2 µs', { kernelRamp: 2e-6 }],
  ['partial overlap, p = 2', { overlapExponent: 2 }],
]

const rows = variations.map(([label, override]) => {
  const report = paperReport('paper', { 'sn40l-node': override })
  const coe = report.coe.find((row) => row.batch === 8 && row.outputTokens === 20)!
  const { low, high } = report.headlines.fusionSpeedup
  return [
    label,
    `${low.toFixed(1)}–${high.toFixed(1)}x`,
    `${report.switching.speedup['dgx-h100'].toFixed(1)} / ${report.switching.speedup['dgx-a100'].toFixed(1)}x`,
    `${coe.speedup['dgx-h100'].toFixed(2)} / ${coe.speedup['dgx-a100'].toFixed(2)}x`,
  ]
})
const header = ['SN40L figure changed', 'fusion (2–13x)', 'switch (15 / 31x)', 'CoE b8/20 (3.7 / 6.6x)']
const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)))
for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '))
