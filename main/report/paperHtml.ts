import {
  formatFactor as times,
  formatFixed,
  formatPaperSeconds as seconds,
  PAPER_COMPARISON_COLUMNS,
  paperComparisonCells,
  paperComparisons,
  type PaperComparison,
} from '../../contract/paperPresentation'
import { byCodePoint, escapeHtml } from './format'
import { page, section, table } from './htmlLayout'
import { barChartSvg, lineChartSvg } from './svgChart'
import type { PaperInput } from './types'

type Report = PaperInput['report']
const SYSTEMS = ['sn40l-node', 'dgx-h100', 'dgx-a100'] as const

/** The presentation model's comparison rows, with the same cells as `memwall paper` and the view. */
function comparisonTable(title: string, rows: PaperComparison[]): string {
  return table(
    [title, ...PAPER_COMPARISON_COLUMNS],
    rows.map((row) => paperComparisonCells(row).map(escapeHtml)),
  )
}

function headlines(comparisons: PaperComparison[]): string {
  return section(
    'Headlines',
    comparisonTable(
      'claim',
      comparisons.filter((row) => row.headline),
    ),
  )
}

function coeSection(report: Report): string {
  const rows = report.coe.map((row) => [
    `batch ${row.batch}, ${row.outputTokens} tokens, ${row.experts} experts`,
    ...SYSTEMS.map((system) => seconds(row.seconds[system])),
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

/** The CoE claim with the DGXs on today's GPU stack: does it survive the paper's 2023 baseline? */
function currentGpuStackSection(report: Report, comparisons: PaperComparison[]): string {
  return section(
    `CoE with the DGXs on ${escapeHtml(report.currentGpuStack.label)}`,
    `<p class="muted">The paper measured its GPU baselines on NeMo 2023; the same call with the DGXs on a current stack.</p>${comparisonTable(
      'claim',
      comparisons.filter((row) => row.experiment === 'current-gpu-stack'),
    )}`,
  )
}

function fusionSection(report: Report): string {
  const rows = report.fusion.map((row) => [
    escapeHtml(row.benchmark),
    String(row.sockets),
    seconds(row.seconds.unfused),
    seconds(row.seconds.fusedSO),
    seconds(row.seconds.fusedHO),
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
      seconds(report.switching.seconds[system]),
      system === 'sn40l-node' ? '—' : times(report.switching.speedup[system]),
    ]),
  )
  return section(
    'Footprint and model switching',
    `<figure>${chart}</figure><p>Experts resident in GPU HBM: DGX H100 ${report.gpuHbmExpertCapacity['dgx-h100']}, DGX A100 ${report.gpuHbmExpertCapacity['dgx-a100']}.</p>${switching}`,
  )
}

function baselineSection(report: Report, comparisons: PaperComparison[]): string {
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
    `${comparisonTable(
      'configuration',
      comparisons.filter((row) => row.experiment === 'gpu-baseline'),
    )}<figure>${chart}</figure>`,
  )
}

function monarchSection(comparisons: PaperComparison[]): string {
  return section(
    'Monarch FFT operational intensity (FLOP/byte) [Table I]',
    `${comparisonTable(
      'fusion',
      comparisons.filter((row) => row.experiment === 'monarch'),
    )}<p class="muted">The published three are not mutually consistent under any traffic accounting in which a transpose keeps the element size (docs/MODEL.md §9): 102.6 and 410.4 imply 41.0 unfused.</p>`,
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
  const comparisons = paperComparisons(report)
  const llama = table(
    ['model', 'sockets', 'tokens/s per user'],
    report.llama31.map((row) => [
      escapeHtml(row.model),
      String(row.sockets),
      formatFixed(row.tokensPerSecondPerUser, 0),
    ]),
  )
  return page(
    input,
    [
      `<p>Each experiment of the SN40L paper (MICRO 2024) as the workbench's model computes it, beside the published value where there is one. Equations and sources: docs/MODEL.md.</p>`,
      headlines(comparisons),
      coeSection(report),
      currentGpuStackSection(report, comparisons),
      fusionSection(report),
      footprintSection(report),
      baselineSection(report, comparisons),
      monarchSection(comparisons),
      section('Llama 3.1 on 16 sockets', llama),
      assumptionsSection(report),
    ].join(''),
  )
}
