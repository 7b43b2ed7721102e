import type { RunDetailDto } from '../../../../preload/api'
import { runCaption, systemsOf } from './compareTotals'

export interface SpeedupRow {
  runId: number
  caption: string
  /** Per system id (columns in `systemsOf` order): baseline total / system total, or null. */
  factors: (number | null)[]
  /** The baseline's total seconds in this run, or null when it has none. */
  baselineSeconds: number | null
}

/**
 * How many times faster each system finishes than the baseline system, within each run:
 * `baselineTotal / systemTotal` (above 1 means faster than the baseline). Null where either
 * side has no total (not in the run, or out of memory).
 */
export function speedupRows(runs: readonly RunDetailDto[], baselineId: string): SpeedupRow[] {
  const withResult = runs.filter((run) => run.result !== null)
  const systems = systemsOf(withResult)
  return withResult.map((run) => {
    const total = (id: string): number | null =>
      run.result!.systems.find((system) => system.systemId === id)?.metrics?.totalSeconds ?? null
    const baselineSeconds = total(baselineId)
    const factors = systems.map((system) => {
      const seconds = total(system.id)
      return baselineSeconds === null || seconds === null || seconds === 0 ? null : baselineSeconds / seconds
    })
    return { runId: run.id, caption: runCaption(run), factors, baselineSeconds }
  })
}
