import type { ChartData } from 'chart.js'
import type { RunResult, TimeBreakdown } from '../../../../contract/api'
import { seriesColor } from '../palette'
import { OUT_OF_MEMORY_SUFFIX } from './timePerSystem'

/** The categories of a `TimeBreakdown`, bottom of the stack first, with their legend names. */
export const BREAKDOWN_CATEGORIES: readonly { key: keyof TimeBreakdown; label: string }[] = [
  { key: 'compute', label: 'Compute' },
  { key: 'memory', label: 'Memory' },
  { key: 'launch', label: 'Launch overhead' },
  { key: 'collectives', label: 'Collectives' },
  { key: 'software', label: 'Software stack' },
  { key: 'switching', label: 'Switching' },
]

/**
 * One stacked bar per system: where its prefill and decode time went, each category the sum of
 * both phases. A category that is zero on every system is left out of the chart (and its
 * legend); its colour stays fixed, so the same category looks the same on every run.
 */
export function breakdownChartData(result: RunResult): ChartData<'bar', number[], string> {
  const labels = result.systems.map((system) =>
    system.status === 'outOfMemory' ? system.systemName + OUT_OF_MEMORY_SUFFIX : system.systemName,
  )
  const datasets = BREAKDOWN_CATEGORIES.map((category, index) => ({
    label: category.label,
    backgroundColor: seriesColor(index),
    stack: 'time',
    data: result.systems.map(
      (system) => (system.prefill?.breakdown[category.key] ?? 0) + (system.decode?.breakdown[category.key] ?? 0),
    ),
  }))
  return { labels, datasets: datasets.filter((dataset) => dataset.data.some((seconds) => seconds !== 0)) }
}
