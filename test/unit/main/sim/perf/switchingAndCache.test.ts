import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { resolveSpec } from '../../../../../main/sim/assumptions'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import {
  expectedSwitchesPerBatch,
  lruHitProbabilities,
  uniformPopularity,
} from '../../../../../main/sim/perf/expertCache'
import { switchSeconds } from '../../../../../main/sim/perf/modelSwitch'

const EXPERT = 13_476_831_232 // Llama-2-7B in BF16
const resolve = (id: keyof typeof SYSTEM_PRESETS, hostLinkModel: 'paper' | 'perGpuLinks') =>
  resolveSpec(SYSTEM_PRESETS[id], { assumptions: { logitsForLastTokenOnly: true, hostLinkModel } })
/**
 * A PCIe link's achievable DMA rate is its nominal rate × 128/130 (line coding) × 370/371 (SKP
 * ordered sets) × 256/280 (TLP and DLLP overhead) (hardware/pcie.ts): a copy takes this much longer.
 */
const PCIE_SLOWDOWN = (130 / 128) * (371 / 370) * (280 / 256)

describe('switchSeconds', () => {
  it.each([
    // program load 0.5 ms + 13,476,831,232 B / 1e12 B/s
    ['sn40l-node', 'paper', 0.5e-3 + 13.476831232e-3],
    // one PCIe Gen5 x16 link for the node: 13,476,831,232 B / 64e9 nominal = 0.210575488 s, at the achievable rate
    ['dgx-h100', 'paper', 0.210575488 * PCIE_SLOWDOWN],
    // one PCIe Gen4 x16 link for the node: / 32e9 nominal = 0.421150976 s, at the achievable rate
    ['dgx-a100', 'paper', 0.421150976 * PCIE_SLOWDOWN],
    // 8 GPUs, two behind each PCIe switch uplink: 4 Gen4 x16 links, / (4 * 32e9) = 0.105287744 s nominal
    ['dgx-a100', 'perGpuLinks', 0.105287744 * PCIE_SLOWDOWN],
    // likewise 4 Gen5 x16 uplinks: / (4 * 64e9) = 0.052643872 s nominal
    ['dgx-h100', 'perGpuLinks', 0.052643872 * PCIE_SLOWDOWN],
    // each MI300X on its own Gen5 x16 link: 8 links, / (8 * 64e9) = 0.026321936 s nominal
    ['mi300x-platform', 'perGpuLinks', 0.026321936 * PCIE_SLOWDOWN],
    // each socket copies from its own DDR at 1/8 of the node's 1 TB/s: unchanged by per-GPU links
    ['sn40l-node', 'perGpuLinks', 0.5e-3 + 13.476831232e-3],
  ] as const)('%s under %s: %f s', (id, model, expected) => {
    expect(switchSeconds(resolve(id, model), EXPERT)).toBeCloseTo(expected, 9)
  })
})

describe('LRU residency (Che approximation)', () => {
  it('hits slots / experts under uniform routing', () => {
    for (const p of lruHitProbabilities(uniformPopularity(150), 36)) expect(p).toBeCloseTo(36 / 150, 9)
  })

  it('counts one switch per distinct non-resident expert in a batch', () => {
    // 4 experts, 2 slots, batch 2: each expert is asked for with probability 1 − (3/4)² = 7/16
    // and missing with probability 1/2: 4 * 7/16 * 1/2 = 0.875
    expect(expectedSwitchesPerBatch(uniformPopularity(4), 2, 2)).toBeCloseTo(0.875, 9)
  })

  it('keeps the expected resident count equal to the slots, popular experts more often', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 3, maxLength: 40 }),
        fc.integer({ min: 1, max: 39 }),
        (weights, slots) => {
          fc.pre(slots < weights.length)
          const total = weights.reduce((a, b) => a + b, 0)
          const popularity = weights.map((w) => w / total)
          const hit = lruHitProbabilities(popularity, slots)
          expect(hit.reduce((a, b) => a + b, 0)).toBeCloseTo(slots, 6)
          const order = popularity.map((p, i) => [p, hit[i]!] as const).sort((a, b) => a[0] - b[0])
          for (let i = 1; i < order.length; i++) expect(order[i]![1]).toBeGreaterThanOrEqual(order[i - 1]![1] - 1e-12)
        },
      ),
    )
  })
})
