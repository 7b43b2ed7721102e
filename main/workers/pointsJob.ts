import { evaluatePoint, type GridAxis, type PointOutcome } from '../sim/grid'
import { ScenarioSchema, type Scenario } from '../sim/scenario/schema'

/** A chunk of a sweep's grid: the base scenario, the axes, which points and how many seeds each. */
export interface PointsTask {
  base: Scenario
  axes: GridAxis[]
  indices: number[]
  seeds: number
}

/**
 * Piscina task (export `evaluatePoints` of simWorker): runs each point of the chunk over its
 * seeds and answers only their metrics, never whole results, so a message stays a few kB.
 */
export function evaluatePoints({ base, axes, indices, seeds }: PointsTask): PointOutcome[] {
  // Re-validate: the worker trusts nothing it did not check itself.
  const valid = ScenarioSchema.parse(base)
  return indices.map((index) => evaluatePoint(valid, axes, index, seeds))
}
