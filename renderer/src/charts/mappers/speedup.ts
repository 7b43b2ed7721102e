import type { RunDetailDto } from '../../../../contract/api'
import { runCaption, systemsOf } from './compareTotals'
import { headlineLatencies } from './headlineLatency'

export interface SpeedupRow {
  runId: number
  caption: string
  /** Per system id (columns in `systemsOf` order): baseline seconds / system seconds, or null. */
  factors: (number | null)[]
  /** The baseline's headline seconds in this run, or null when it has none. */
  baselineSeconds: number | null
}

/**
 * How many times faster each system is than the baseline system, within each run, by the run's
 * headline latency (total time, or mean end-to-end latency when it served traffic):
 * `baselineSeconds / systemSeconds` (above 1 means faster than the baseline). Null where either
 * side has none (not in the run, or out of memory).
 */
export function speedupRows(runs: readonly RunDetailDto[], baselineId: string): SpeedupRow[] {
  const withResult = runs.filter((run) => run.result !== null)
  const systems = systemsOf(withResult)
  return withResult.map((run) => {
    const latencies = headlineLatencies(run.result!)
    const seconds = (id: string): number | null => latencies.find((system) => system.systemId === id)?.seconds ?? null
    const baselineSeconds = seconds(baselineId)
    const factors = systems.map((system) => {
      const own = seconds(system.id)
      return baselineSeconds === null || own === null || own === 0 ? null : baselineSeconds / own
    })
    return { runId: run.id, caption: runCaption(run), factors, baselineSeconds }
  })
}
