import { evaluatePoint, GridError, validateGrid, type GridAxis, type PointOutcome } from '../sim/grid'
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

/** A grid to check before a sweep is stored: the base scenario and the axes. */
export interface GridCheckTask {
  base: Scenario
  axes: GridAxis[]
}

/** The grid's point count, or why it cannot run (the first invalid point, named by its axes). */
export type GridCheck = { ok: true; points: number } | { ok: false; message: string }

/**
 * Piscina task (export `checkGrid` of simWorker): validates every point of a grid. It runs here,
 * not on the main thread, because a large scenario times many points is seconds of parsing.
 */
export function checkGrid({ base, axes }: GridCheckTask): GridCheck {
  try {
    return { ok: true, points: validateGrid(ScenarioSchema.parse(base), axes) }
  } catch (error) {
    if (error instanceof GridError) return { ok: false, message: error.message }
    throw error
  }
}
