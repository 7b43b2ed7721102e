import {
  formatFactor as times,
  formatFixed,
  formatPaperSeconds as seconds,
  PAPER_COMPARISON_COLUMNS,
  paperComparisonCells,
  paperComparisons,
  type PaperComparison,
} from '../../contract/paperPresentation'
import type { PaperReport } from '../sim'
import { table } from './format'

/** A table of the presentation model's comparison rows, as every renderer shows them. */
const comparisonTable = (title: string, rows: PaperComparison[]): string =>
  table([title, ...PAPER_COMPARISON_COLUMNS], rows.map(paperComparisonCells))

const coeHeader = (title: string): string[] => [
  title,
  'SN40L node',
  'DGX H100',
  'DGX A100',
  'speedup H100 / A100',
  'experts only',
]

/** `memwall paper` as a reader sees it: each experiment, simulated beside published, with the error. */
export function formatPaperReport(report: PaperReport): string {
  const comparisons = paperComparisons(report)
  const coeRows = (rows: PaperReport['coe']): string[][] =>
    rows.map((row) => [
      `batch ${row.batch}, ${row.outputTokens} tokens, ${row.experts} experts`,
      seconds(row.seconds['sn40l-node']),
      seconds(row.seconds['dgx-h100']),
      seconds(row.seconds['dgx-a100']),
      `${times(row.speedup['dgx-h100'])} / ${times(row.speedup['dgx-a100'])}`,
      `${times(row.expertOnlySpeedup['dgx-h100'])} / ${times(row.expertOnlySpeedup['dgx-a100'])}`,
    ])
  const fusion = report.fusion.map((row) => [
    row.benchmark,
    String(row.sockets),
    seconds(row.seconds.unfused),
    seconds(row.seconds.fusedSO),
    seconds(row.seconds.fusedHO),
    times(row.seconds.unfused / row.seconds.fusedHO),
    `${row.kernelCalls.unfused} → ${row.kernelCalls.fused}`,
  ])
  return [
    `SN40L paper reproduction, simulator ${report.simulatorVersion}; equations, constants and sources: docs/MODEL.md`,
    '',
    comparisonTable(
      'headline',
      comparisons.filter((row) => row.headline),
    ),
    '',
    table(coeHeader(`CoE call (router + switches + experts), ${report.hostLinkModel} host links`), coeRows(report.coe)),
    '',
    table(
      coeHeader(`the same, ${report.otherHostLinkModel.hostLinkModel} host links`),
      coeRows(report.otherHostLinkModel.coe),
    ),
    '',
    comparisonTable(
      `CoE with the DGXs on ${report.currentGpuStack.label}`,
      comparisons.filter((row) => row.experiment === 'current-gpu-stack'),
    ),
    '',
    table(['fusion benchmark', 'sockets', 'unfused', 'fused SO', 'fused HO', 'speedup', 'kernel calls'], fusion),
    '',
    comparisonTable(
      'GPU baseline, Llama-2-7B 128 in / 20 out',
      comparisons.filter((row) => row.experiment === 'gpu-baseline'),
    ),
    '',
    comparisonTable(
      'Monarch FFT intensity (FLOP/byte)',
      comparisons.filter((row) => row.experiment === 'monarch'),
    ),
    '',
    table(
      ['Llama 3.1 on 16 sockets', 'tokens/s per user'],
      report.llama31.map((row) => [row.model, formatFixed(row.tokensPerSecondPerUser, 0)]),
    ),
    '',
    `GPU experts resident in HBM: DGX A100 ${report.gpuHbmExpertCapacity['dgx-a100']}, DGX H100 ${report.gpuHbmExpertCapacity['dgx-h100']}; switch ${seconds(report.switching.seconds['sn40l-node'])} (SN40L) vs ${seconds(report.switching.seconds['dgx-h100'])} (H100) vs ${seconds(report.switching.seconds['dgx-a100'])} (A100)`,
  ].join('\n')
}
