import type { PaperReport } from '../../../contract/api'
import {
  PAPER_COMPARISON_COLUMNS,
  paperComparisonCells,
  type PaperComparison,
  type PaperRange,
} from '../../../contract/paperPresentation'
import { factor, fixed, seconds, systemName } from './paperFormat'

/** One row of an experiment's table: its cells as text, flagged where the simulation is off the paper. */
export interface PaperRow {
  key: string
  cells: string[]
  /** Outside the tolerance of the published value: the view marks the row's error. */
  flagged: boolean
}

/** The numbers behind an experiment's chart: one series per dataset, null where there is no value. */
export interface PaperChartSpec {
  kind: 'bar' | 'line'
  labels: string[]
  datasets: { label: string; data: (number | null)[] }[]
  yTitle: string
  unit: 'seconds' | 'factor' | 'count' | 'intensity' | 'rate'
  logarithmic: boolean
}

export interface PaperExperiment {
  id: string
  title: string
  description: string
  columns: string[]
  rows: PaperRow[]
  chart: PaperChartSpec
}

export const GPUS = ['dgx-h100', 'dgx-a100'] as const

/** A comparison of the presentation model as a row, cell for cell as `memwall paper` and the report show it. */
export function comparisonRow(comparison: PaperComparison): PaperRow {
  return { key: comparison.key, cells: paperComparisonCells(comparison), flagged: comparison.verdict === 'outside' }
}

/** A row of a detail table that ends with a headline's published value and error (dashes where it has none). */
function withComparison(key: string, cells: string[], comparison: PaperComparison | undefined): PaperRow {
  return {
    key,
    cells: [...cells, comparison?.published.text ?? '—', comparison?.error.text ?? ''],
    flagged: comparison?.verdict === 'outside',
  }
}

const pointValue = (value: number | PaperRange | null): number | null => (typeof value === 'number' ? value : null)

/** The headline claims, simulated beside published. */
export function headlinesExperiment(report: PaperReport, comparisons: PaperComparison[]): PaperExperiment {
  const headlines = comparisons.filter((comparison) => comparison.headline)
  // The chart shows the single figures; the fusion range stays in the table.
  const points = headlines.filter((comparison) => pointValue(comparison.simulated.value) !== null)
  return {
    id: 'headlines',
    title: 'Headlines',
    description: `The paper's claims beside the simulation (${report.hostLinkModel} host links).`,
    columns: ['claim', ...PAPER_COMPARISON_COLUMNS],
    rows: headlines.map(comparisonRow),
    chart: {
      kind: 'bar',
      labels: points.map((comparison) => comparison.quantity),
      datasets: [
        { label: 'simulated', data: points.map((comparison) => pointValue(comparison.simulated.value)) },
        { label: 'published', data: points.map((comparison) => pointValue(comparison.published.value)) },
      ],
      yTitle: 'ratio (×)',
      unit: 'factor',
      logarithmic: false,
    },
  }
}

/** CoE call latency per configuration, and the SN40L's speedup over each DGX. */
export function coeExperiment(report: PaperReport, comparisons: PaperComparison[]): PaperExperiment {
  const published = report.published.headlines.coeSpeedupBatch8Tokens20
  const other = report.otherHostLinkModel
  const isPublished = (entry: { batch: number; outputTokens: number }) => entry.batch === 8 && entry.outputTokens === 20
  const configLabel = (entry: { batch: number; outputTokens: number }) =>
    `batch ${entry.batch}, ${entry.outputTokens} tokens`
  const rows = report.coe.flatMap((entry, index) =>
    GPUS.map((gpu) => {
      const otherSpeedup = other.coe[index]?.speedup[gpu]
      return withComparison(
        `b${entry.batch}-t${entry.outputTokens}-${gpu}`,
        [
          `${configLabel(entry)}, ${entry.experts} experts, vs ${systemName(gpu)}`,
          seconds(entry.seconds['sn40l-node']),
          seconds(entry.seconds[gpu]),
          factor(entry.speedup[gpu]),
          otherSpeedup === undefined ? '—' : factor(otherSpeedup),
        ],
        isPublished(entry) ? comparisons.find((comparison) => comparison.key === `coe-${gpu}`) : undefined,
      )
    }),
  )
  return {
    id: 'coe',
    title: 'Composition of Experts: one call',
    description:
      `Router, expert switches and expert, with the largest expert count every system holds; ` +
      `DGX HBM holds ${report.gpuHbmExpertCapacity['dgx-h100']} experts (H100), ${report.gpuHbmExpertCapacity['dgx-a100']} (A100).`,
    columns: [
      'configuration',
      'SN40L node',
      'DGX',
      'speedup',
      `speedup, ${other.hostLinkModel} links`,
      'published',
      'error',
    ],
    rows,
    chart: {
      kind: 'bar',
      labels: report.coe.map(configLabel),
      datasets: [
        ...GPUS.map((gpu) => ({ label: `vs ${systemName(gpu)}`, data: report.coe.map((entry) => entry.speedup[gpu]) })),
        ...GPUS.map((gpu) => ({
          label: `published vs ${systemName(gpu)}`,
          data: report.coe.map((entry) => (isPublished(entry) ? published[gpu] : null)),
        })),
      ],
      yTitle: 'SN40L speedup (×)',
      unit: 'factor',
      logarithmic: false,
    },
  }
}

/** Time to switch one Llama-2-7B expert in, under both host-link models. */
export function switchingExperiment(report: PaperReport, comparisons: PaperComparison[]): PaperExperiment {
  const systems = ['sn40l-node', ...GPUS] as const
  const other = report.otherHostLinkModel
  return {
    id: 'switching',
    title: 'Model switching',
    description: `Copying one ${fixed(report.switching.expertBytes / 1e9, 1)} GB expert into HBM.`,
    columns: [
      'system',
      `switch time, ${report.hostLinkModel} links`,
      `switch time, ${other.hostLinkModel} links`,
      'SN40L speedup',
      'published',
      'error',
    ],
    rows: systems.map((id) =>
      withComparison(
        id,
        [
          systemName(id),
          seconds(report.switching.seconds[id]),
          seconds(other.switching.seconds[id]),
          id === 'sn40l-node' ? '—' : factor(report.switching.speedup[id]),
        ],
        comparisons.find((comparison) => comparison.key === `switching-${id}`),
      ),
    ),
    chart: {
      kind: 'bar',
      labels: systems.map(systemName),
      datasets: [
        { label: `${report.hostLinkModel} links`, data: systems.map((id) => report.switching.seconds[id]) },
        { label: `${other.hostLinkModel} links`, data: systems.map((id) => other.switching.seconds[id]) },
      ],
      yTitle: 'switch time (log)',
      unit: 'seconds',
      logarithmic: true,
    },
  }
}

/** Expert counts the footprint table lists; the chart shows every step of 10. */
export const FOOTPRINT_TABLE_EXPERTS = [50, 100, 150, 200, 300, 500, 1000]

/** Machines needed to hold N experts, per system, and the DGX H100 / SN40L ratio. */
export function footprintExperiment(report: PaperReport): PaperExperiment {
  const systems = ['sn40l-node', ...GPUS] as const
  const published = report.published.headlines.footprintRatio
  // A system that cannot hold the experts at all needs no machine count (null): no ratio then.
  const ratio = (nodes: Record<string, number | null>) =>
    nodes['dgx-h100'] && nodes['sn40l-node'] ? nodes['dgx-h100'] / nodes['sn40l-node'] : NaN
  const listed = report.footprint.filter((entry) => FOOTPRINT_TABLE_EXPERTS.includes(entry.experts))
  return {
    id: 'footprint',
    title: 'Footprint',
    description: `Machines needed for 10 to 1000 Llama-2-7B experts; the paper reports up to ${factor(published)} fewer with the SN40L (simulated: up to ${factor(report.headlines.footprintRatio)}).`,
    columns: ['experts', ...systems.map(systemName), 'DGX H100 / SN40L'],
    rows: listed.map((entry) => ({
      key: String(entry.experts),
      cells: [
        String(entry.experts),
        ...systems.map((id) => String(entry.nodes[id] ?? '—')),
        factor(ratio(entry.nodes)),
      ],
      flagged: false,
    })),
    chart: {
      kind: 'line',
      labels: report.footprint.map((entry) => String(entry.experts)),
      datasets: systems.map((id) => ({
        label: systemName(id),
        data: report.footprint.map((entry) => entry.nodes[id]),
      })),
      yTitle: 'machines',
      unit: 'count',
      logarithmic: false,
    },
  }
}
