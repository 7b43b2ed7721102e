import type { ChartData } from 'chart.js'
import type { RunDetailDto } from '../../../../contract/api'
import { seriesColor } from '../palette'
import { systemsOf } from './compareTotals'
import { speedupRows } from './speedup'

/**
 * Grouped bars: one group per system, one bar per run, the height the system's speedup over the
 * reference system within that run (`speedupRows`); null (no bar) where it has none.
 */
export function compareSpeedupChartData(
  runs: readonly RunDetailDto[],
  referenceId: string,
): ChartData<'bar', (number | null)[], string> {
  const withResult = runs.filter((run) => run.result !== null)
  const rows = speedupRows(withResult, referenceId)
  return {
    labels: systemsOf(withResult).map((system) => system.name),
    datasets: rows.map((row, index) => ({
      label: row.caption,
      backgroundColor: seriesColor(index),
      data: [...row.factors],
    })),
  }
}
