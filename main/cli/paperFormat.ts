import type { PaperReport } from '../sim'
import { seconds, table } from './format'

const times = (value: number): string => `${value.toFixed(1)}x`
const error = (simulated: number, published: number): string =>
  `${simulated >= published ? '+' : ''}${((simulated / published - 1) * 100).toFixed(0)}%`

function headlineRows(report: PaperReport): string[][] {
  const coe = report.coe.find((row) => row.batch === 8 && row.outputTokens === 20)!
  const { fusionSpeedup, footprintRatio } = report.headlines
  const published = report.published.headlines
  return [
    [
      'fusion speedup, 8 sockets',
      `${times(fusionSpeedup.low)} to ${times(fusionSpeedup.high)}`,
      `${times(published.fusionSpeedup.low)} to ${times(published.fusionSpeedup.high)}`,
      '',
    ],
    [
      'footprint, SN40L node vs DGX H100',
      `up to ${times(footprintRatio)}`,
      `up to ${times(published.footprintRatio)}`,
      error(footprintRatio, published.footprintRatio),
    ],
    ...(['dgx-h100', 'dgx-a100'] as const).flatMap((gpu) => [
      [
        `model switch vs ${gpu}, ${report.otherHostLinkModel.hostLinkModel} host links`,
        times(report.otherHostLinkModel.switching.speedup[gpu]),
        '',
        '',
      ],
      [
        `model switch vs ${gpu}`,
        times(report.switching.speedup[gpu]),
        times(published.switchingSpeedup[gpu]),
        error(report.switching.speedup[gpu], published.switchingSpeedup[gpu]),
      ],
      [
        `CoE, batch 8, 20 tokens, vs ${gpu} (${coe.experts} experts)`,
        times(coe.speedup[gpu]),
        times(published.coeSpeedupBatch8Tokens20[gpu]),
        error(coe.speedup[gpu], published.coeSpeedupBatch8Tokens20[gpu]),
      ],
    ]),
  ]
}

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
  const baseline = report.gpuBaseline.map((row) => [
    `${row.system} TP${row.tp} batch ${row.batch}`,
    seconds(row.seconds),
    row.publishedSeconds === null ? '(prediction)' : seconds(row.publishedSeconds),
    row.publishedSeconds === null ? '' : error(row.seconds, row.publishedSeconds),
  ])
  const coe = report.coe.map((row) => [
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
  const monarch = (['unfused', 'partiallyFused', 'fullyFused'] as const).map((key) => [
    key,
    report.monarch[key].toFixed(1),
    report.published.monarch[key].toFixed(1),
    error(report.monarch[key], report.published.monarch[key]),
  ])
  const otherCoe = report.otherHostLinkModel.coe.map((row) => [
    `batch ${row.batch}, ${row.outputTokens} tokens, ${row.experts} experts`,
    seconds(row.seconds['sn40l-node']),
    seconds(row.seconds['dgx-h100']),
    seconds(row.seconds['dgx-a100']),
    `${times(row.speedup['dgx-h100'])} / ${times(row.speedup['dgx-a100'])}`,
    `${times(row.expertOnlySpeedup['dgx-h100'])} / ${times(row.expertOnlySpeedup['dgx-a100'])}`,
  ])
  return [
    `SN40L paper reproduction, simulator ${report.simulatorVersion}; equations, constants and sources: docs/MODEL.md`,
    '',
    table(['headline', 'simulated', 'published', 'error'], headlineRows(report)),
    '',
    table(coeHeader(`CoE call (router + switches + experts), ${report.hostLinkModel} host links`), coe),
    '',
    table(coeHeader(`the same, ${report.otherHostLinkModel.hostLinkModel} host links`), otherCoe),
    '',
    table(['fusion benchmark', 'sockets', 'unfused', 'fused SO', 'fused HO', 'speedup', 'kernel calls'], fusion),
    '',
    table(['GPU baseline, Llama-2-7B 128 in / 20 out', 'simulated', 'NeMo', 'error'], baseline),
    '',
    table(['Monarch FFT intensity (FLOP/byte)', 'simulated', 'published', 'error'], monarch),
    '',
    table(
      ['Llama 3.1 on 16 sockets', 'tokens/s per user'],
      report.llama31.map((row) => [row.model, row.tokensPerSecondPerUser.toFixed(0)]),
    ),
    '',
    `GPU experts resident in HBM: DGX A100 ${report.gpuHbmExpertCapacity['dgx-a100']}, DGX H100 ${report.gpuHbmExpertCapacity['dgx-h100']}; switch ${seconds(report.switching.seconds['sn40l-node'])} (SN40L) vs ${seconds(report.switching.seconds['dgx-h100'])} (H100) vs ${seconds(report.switching.seconds['dgx-a100'])} (A100)`,
  ].join('\n')
}
