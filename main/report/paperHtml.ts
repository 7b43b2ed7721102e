import { byCodePoint, escapeHtml, formatValue } from './format'
import { page, section, table } from './htmlLayout'
import { barChartSvg, lineChartSvg } from './svgChart'
import type { PaperInput } from './types'

type Report = PaperInput['report']
const GPUS = ['dgx-h100', 'dgx-a100'] as const
const SYSTEMS = ['sn40l-node', 'dgx-h100', 'dgx-a100'] as const

const times = (value: number): string => `${value.toFixed(1)}×`
/** Simulated against published, as a signed percentage. */
export function paperError(simulated: number, published: number): string {
  const percent = (simulated / published - 1) * 100
  return `${percent >= 0 ? '+' : '−'}${Math.abs(percent).toFixed(1)} %`
}

function headlines(report: Report): string {
  const published = report.published.headlines
  const coe = report.coe.find((row) => row.batch === 8 && row.outputTokens === 20)!
  const rows: string[][] = [
    [
      'fusion speedup over unfused, 8 sockets',
      `${times(report.headlines.fusionSpeedup.low)} to ${times(report.headlines.fusionSpeedup.high)}`,
      `${times(published.fusionSpeedup.low)} to ${times(published.fusionSpeedup.high)}`,
      '—',
    ],
    [
      'machine footprint, SN40L node vs DGX H100',
      `up to ${times(report.headlines.footprintRatio)}`,
      `up to ${times(published.footprintRatio)}`,
      paperError(report.headlines.footprintRatio, published.footprintRatio),
    ],
    ...GPUS.flatMap((gpu) => [
      [
        `model switching vs ${gpu}`,
        times(report.switching.speedup[gpu]),
        times(published.switchingSpeedup[gpu]),
        paperError(report.switching.speedup[gpu], published.switchingSpeedup[gpu]),
      ],
      [
        `CoE inference vs ${gpu}, batch 8, 20 tokens (${coe.experts} experts)`,
        times(coe.speedup[gpu]),
        times(published.coeSpeedupBatch8Tokens20[gpu]),
        paperError(coe.speedup[gpu], published.coeSpeedupBatch8Tokens20[gpu]),
      ],
    ]),
  ]
  return section('Headlines', table(['experiment', 'simulated', 'published', 'error'], rows))
}

function coeSection(report: Report): string {
  const rows = report.coe.map((row) => [
    `batch ${row.batch}, ${row.outputTokens} tokens, ${row.experts} experts`,
    ...SYSTEMS.map((system) => formatValue(row.seconds[system], 's')),
    `${times(row.speedup['dgx-h100'])} / ${times(row.speedup['dgx-a100'])}`,
  ])
  const chart = barChartSvg({
    title: 'CoE call latency (router + switches + experts)',
    unit: 's',
    categories: report.coe.map((row) => `batch ${row.batch}, ${row.outputTokens} tok`),
    series: SYSTEMS.map((system) => ({ name: system, values: report.coe.map((row) => row.seconds[system]) })),
  })
  return section(
    `CoE call latency, ${report.hostLinkModel} host links`,
    `${table(['setting', ...SYSTEMS, 'speedup vs H100 / A100'], rows)}<figure>${chart}</figure>`,
  )
}

function fusionSection(report: Report): string {
  const rows = report.fusion.map((row) => [
    escapeHtml(row.benchmark),
    String(row.sockets),
    formatValue(row.seconds.unfused, 's'),
    formatValue(row.seconds.fusedSO, 's'),
    formatValue(row.seconds.fusedHO, 's'),
    times(row.seconds.unfused / row.seconds.fusedHO),
    `${row.kernelCalls.unfused} → ${row.kernelCalls.fused}`,
  ])
  const chart = barChartSvg({
    title: 'Fusion speedup (unfused / fused, hardware orchestration)',
    unit: '×',
    categories: report.fusion.map((row) => row.benchmark),
    series: [{ name: 'speedup', values: report.fusion.map((row) => row.seconds.unfused / row.seconds.fusedHO) }],
  })
  return section(
    'Operator fusion [Table III]',
    `${table(['benchmark', 'sockets', 'unfused', 'fused SO', 'fused HO', 'speedup', 'kernel calls'], rows)}<figure>${chart}</figure>`,
  )
}

function footprintSection(report: Report): string {
  const chart = lineChartSvg({
    title: 'Nodes needed versus number of experts',
    xLabel: 'experts',
    yLabel: 'nodes',
    series: SYSTEMS.map((system) => ({
      name: system,
      // A system that cannot hold that many experts at all has no point there.
      points: report.footprint.flatMap((row) => {
        const nodes = row.nodes[system]
        return nodes === null ? [] : [{ x: row.experts, y: nodes }]
      }),
    })),
  })
  const switching = table(
    ['system', 'one expert switch', 'SN40L faster by'],
    SYSTEMS.map((system) => [
      system,
      formatValue(report.switching.seconds[system], 's'),
      system === 'sn40l-node' ? '—' : times(report.switching.speedup[system]),
    ]),
  )
  return section(
    'Footprint and model switching',
    `<figure>${chart}</figure><p>Experts resident in GPU HBM: DGX H100 ${report.gpuHbmExpertCapacity['dgx-h100']}, DGX A100 ${report.gpuHbmExpertCapacity['dgx-a100']}.</p>${switching}`,
  )
}

function baselineSection(report: Report): string {
  const rows = report.gpuBaseline.map((row) => [
    `${row.system} TP${row.tp} batch ${row.batch}`,
    formatValue(row.seconds, 's'),
    row.publishedSeconds === null ? '(prediction)' : formatValue(row.publishedSeconds, 's'),
    row.publishedSeconds === null ? '—' : paperError(row.seconds, row.publishedSeconds),
  ])
  const measured = report.gpuBaseline.filter((row) => row.publishedSeconds !== null)
  const chart = barChartSvg({
    title: 'GPU baseline: simulated against NeMo measurements',
    unit: 's',
    categories: measured.map((row) => `${row.system} TP${row.tp} b${row.batch}`),
    series: [
      { name: 'simulated', values: measured.map((row) => row.seconds) },
      { name: 'NeMo', values: measured.map((row) => row.publishedSeconds) },
    ],
  })
  return section(
    'GPU baseline, Llama-2-7B 128 in / 20 out',
    `${table(['configuration', 'simulated', 'NeMo', 'error'], rows)}<figure>${chart}</figure>`,
  )
}

function monarchSection(report: Report): string {
  const keys = ['unfused', 'partiallyFused', 'fullyFused'] as const
  const rows = keys.map((key) => [
    key,
    report.monarch[key].toFixed(1),
    report.published.monarch[key].toFixed(1),
    paperError(report.monarch[key], report.published.monarch[key]),
  ])
  return section(
    'Monarch FFT operational intensity (FLOP/byte) [Table I]',
    `${table(['fusion', 'simulated', 'published', 'error'], rows)}<p class="muted">The published three are not mutually consistent under any traffic accounting in which a transpose keeps the element size (docs/MODEL.md §9): 102.6 and 410.4 imply 41.0 unfused.</p>`,
  )
}

function assumptionsSection(report: Report): string {
  const rows = Object.entries(report.assumptions)
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([name, entry]) => [escapeHtml(name), escapeHtml(JSON.stringify(entry.value)), escapeHtml(entry.source)])
  return section('Appendix: assumptions and constants used', table(['name', 'value', 'source'], rows))
}

/** The paper check as one self-contained HTML page. */
export function paperHtml(input: PaperInput): string {
  const { report } = input
  const llama = table(
    ['model', 'sockets', 'tokens/s per user'],
    report.llama31.map((row) => [row.model, String(row.sockets), row.tokensPerSecondPerUser.toFixed(0)]),
  )
  return page(
    input,
    [
      `<p>Each experiment of the SN40L paper (MICRO 2024) as the workbench's model computes it, beside the published value where there is one. Equations and sources: docs/MODEL.md.</p>`,
      headlines(report),
      coeSection(report),
      fusionSection(report),
      footprintSection(report),
      baselineSection(report),
      monarchSection(report),
      section('Llama 3.1 on 16 sockets', llama),
      assumptionsSection(report),
    ].join(''),
  )
}
