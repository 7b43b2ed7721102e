import type { ChartData } from 'chart.js'
import type { ServingSystemResult } from '../../../../contract/api'
import { seriesColor } from '../palette'
import { OUT_OF_MEMORY_SUFFIX } from './timePerSystem'

/** The fractions of a serving run drawn side by side, with how each is computed (docs/MODEL.md §10). */
export const SERVING_SHARES: readonly {
  key: string
  label: string
  how: string
  read: (s: ServingSystemResult) => number
}[] = [
  {
    key: 'hitRate',
    label: 'HBM hit rate',
    how: 'requests whose expert was resident ÷ requests',
    read: (s) => s.hitRate,
  },
  {
    key: 'switchShare',
    label: 'Switching share of busy time',
    how: 'switching seconds ÷ busy seconds',
    read: (s) => s.switching.shareOfBusy,
  },
  { key: 'utilisation', label: 'Utilisation', how: 'busy seconds ÷ simulated seconds', read: (s) => s.utilisation },
]

/**
 * One group of bars per system: its hit rate, switching share of busy time and utilisation, as
 * fractions (the axis shows percent). A system out of memory keeps its place, marked, with zero bars.
 */
export function servingSharesChartData(serving: readonly ServingSystemResult[]): ChartData<'bar', number[], string> {
  return {
    labels: serving.map((system) =>
      system.status === 'outOfMemory' ? system.systemName + OUT_OF_MEMORY_SUFFIX : system.systemName,
    ),
    datasets: SERVING_SHARES.map((share, index) => ({
      label: share.label,
      backgroundColor: seriesColor(index + 2),
      data: serving.map((system) => (system.status === 'ok' ? share.read(system) : 0)),
    })),
  }
}
