import type { ChartData } from 'chart.js'
import type { RunResult } from '../../../../contract/api'
import { seriesColor } from '../palette'

export const OUT_OF_MEMORY_SUFFIX = ' (out of memory)'

/**
 * One stacked bar per system: prefill seconds under decode seconds. A system that ran out of
 * memory keeps its place with zero height and says so in its label.
 */
export function timePerSystemChartData(result: RunResult): ChartData<'bar', number[], string> {
  const labels = result.systems.map((system) =>
    system.status === 'outOfMemory' ? system.systemName + OUT_OF_MEMORY_SUFFIX : system.systemName,
  )
  const prefill = result.systems.map((system) => system.prefill?.seconds ?? 0)
  const decode = result.systems.map((system) => system.decode?.seconds ?? 0)
  return {
    labels,
    datasets: [
      { label: 'Prefill', data: prefill, backgroundColor: seriesColor(0), stack: 'time' },
      { label: 'Decode', data: decode, backgroundColor: seriesColor(1), stack: 'time' },
    ],
  }
}
