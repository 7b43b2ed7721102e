import type { ChartData } from 'chart.js'
import type { RunDetailDto } from '../../../../contract/api'
import { seriesColor, seriesDash } from '../palette'
import { runCaption } from './compareTotals'
import type { XyPoint } from './decimate'
import { footprintCurves, NO_FOOTPRINT_REASON } from './footprint'

/** Runs whose result carries no footprint curve, with why: the chart leaves them out. */
export function runsWithoutFootprint(
  runs: readonly RunDetailDto[],
): { runId: number; caption: string; reason: string }[] {
  return runs.flatMap((run) =>
    run.result && footprintCurves(run.result).length === 0
      ? [{ runId: run.id, caption: runCaption(run), reason: NO_FOOTPRINT_REASON }]
      : [],
  )
}

/**
 * Nodes needed against the number of experts: one line per system per run that has a footprint
 * curve (colour per run, dash per system). Points where one node cannot hold an expert are left
 * out. Nothing is estimated for runs without a curve.
 */
export function compareFootprintChartData(runs: readonly RunDetailDto[]): ChartData<'line', XyPoint[]> {
  const withCurves = runs.filter((run) => run.result && footprintCurves(run.result).length > 0)
  return {
    datasets: withCurves.flatMap((run, runIndex) =>
      footprintCurves(run.result).map((curve, systemIndex) => ({
        label: `${curve.systemName} · #${run.id}`,
        data: curve.points
          .filter((point): point is { experts: number; nodes: number } => point.nodes !== null)
          .map((point) => ({ x: point.experts, y: point.nodes }))
          .sort((a, b) => a.x - b.x),
        borderColor: seriesColor(runIndex),
        backgroundColor: seriesColor(runIndex),
        borderDash: seriesDash(systemIndex),
        borderWidth: 2,
        pointRadius: 2,
        pointStyle: 'line' as const,
      })),
    ),
  }
}
