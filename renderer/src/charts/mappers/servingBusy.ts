import type { ChartData } from 'chart.js'
import type { ServingSystemResult } from '../../../../contract/api'
import { seriesColor } from '../palette'
import { OUT_OF_MEMORY_SUFFIX } from './timePerSystem'

/** The parts of the accelerator's busy time, stacked (docs/MODEL.md §10). */
export const BUSY_PARTS: readonly { key: 'router' | 'switching' | 'experts'; label: string }[] = [
  { key: 'router', label: 'Router passes' },
  { key: 'switching', label: 'Switching (waited for)' },
  { key: 'experts', label: 'Expert compute' },
]

export const BUSY_HOW =
  'router: the router passes; switching: expert copies the accelerator waited for (a prefetch overlapped with compute is not counted); expert compute: the rest of the busy time (docs/MODEL.md §10)'

/**
 * One stacked bar per system: where its busy seconds went. A system out of memory, or a result
 * stored before the split existed, keeps its place with no bar.
 */
export function servingBusyChartData(serving: readonly ServingSystemResult[]): ChartData<'bar', number[], string> {
  return {
    labels: serving.map((system) =>
      system.status === 'outOfMemory' ? system.systemName + OUT_OF_MEMORY_SUFFIX : system.systemName,
    ),
    datasets: BUSY_PARTS.map((part, index) => ({
      label: part.label,
      backgroundColor: seriesColor(index),
      stack: 'busy',
      data: serving.map((system) => (system.status === 'ok' && system.busy ? system.busy[part.key] : 0)),
    })),
  }
}

/** Whether any system has the split to draw. */
export function hasBusyBreakdown(serving: readonly ServingSystemResult[]): boolean {
  return serving.some((system) => system.status === 'ok' && system.busy !== undefined)
}
