import type { RunResult, SeedSpread } from './result'
import { readMetrics } from './metrics/readers'
import { SEED_SPREAD_METRIC_NAMES } from './metrics/registry'
import { spreadsOver } from './grid/pointMetrics'

/** `count` consecutive seeds from `first`: a seed spread's runs, and a grid point's. */
export function consecutiveSeeds(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (first + i) % 4294967296)
}

/**
 * The spread of every seed-spread metric over the runs of one scenario under different seeds,
 * for the systems that served in the first run; taken as a grid point's spread is.
 */
export function summariseSeedSpread(runs: readonly RunResult[]): SeedSpread {
  const seeds = runs.map((run) => run.provenance.seed)
  const spreads = spreadsOver(
    runs.map((run) => readMetrics(run, SEED_SPREAD_METRIC_NAMES)),
    SEED_SPREAD_METRIC_NAMES,
  )
  const systemIds = runs[0]?.serving?.filter((s) => s.status === 'ok').map((s) => s.systemId) ?? []
  const systems = systemIds.map((systemId) => ({ systemId, metrics: spreads[systemId]! }))
  return { seeds, systems }
}
