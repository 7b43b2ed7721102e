import { simulate } from '../simulate'
import type { Scenario } from '../scenario/schema'
import { consecutiveSeeds } from '../seedSpread'
import { pointScenario, type GridAxis } from './expand'
import { combineSeeds, pointMetrics, type PointMetrics, type PointSpreads } from './pointMetrics'

/** What one grid point gave: its metrics over the seeds, or why it failed. */
export type PointOutcome =
  { index: number; status: 'done'; metrics: PointSpreads } | { index: number; status: 'failed'; error: string }

/** Each seed's metrics for grid point `index`: the point's own seed and the `seeds − 1` after it. */
export function evaluateSeeds(base: Scenario, axes: readonly GridAxis[], index: number, seeds: number): PointMetrics[] {
  const scenario = pointScenario(base, axes, index)
  return consecutiveSeeds(scenario.seed, seeds).map((seed) => pointMetrics(simulate({ ...scenario, seed })))
}

/** One grid point run over its seeds; an error (an invalid point, a failing model) fails only this point. */
export function evaluatePoint(base: Scenario, axes: readonly GridAxis[], index: number, seeds: number): PointOutcome {
  try {
    return { index, status: 'done', metrics: combineSeeds(evaluateSeeds(base, axes, index, seeds)) }
  } catch (error) {
    return { index, status: 'failed', error: error instanceof Error ? error.message : String(error) }
  }
}
