import type { SeedSpreadMetricName } from '../main/sim/metrics/registry'

/**
 * A run over several seeds was once called a sweep: results stored or exported before the rename
 * hold `sweep`, its metrics under their old names. Frozen history, not a second catalogue.
 */
const OLD_SEED_SPREAD_NAMES: Readonly<Record<string, SeedSpreadMetricName>> = {
  latencyP50: 'servingLatencyP50',
  latencyP99: 'servingLatencyP99',
  ttftP50: 'servingTtftP50',
  requestsPerSecond: 'servingRequestsPerSecond',
  hitRate: 'servingHitRate',
  switchShare: 'servingSwitchShare',
  utilisation: 'servingUtilisation',
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

function renameMetrics(metrics: unknown): unknown {
  if (!isObject(metrics)) return metrics
  return Object.fromEntries(
    Object.entries(metrics).map(([name, spread]) => [
      Object.hasOwn(OLD_SEED_SPREAD_NAMES, name) ? OLD_SEED_SPREAD_NAMES[name]! : name,
      spread,
    ]),
  )
}

function upgradeSpread(spread: unknown): unknown {
  if (!isObject(spread) || !Array.isArray(spread.systems)) return spread
  return {
    ...spread,
    systems: spread.systems.map((system: unknown) =>
      isObject(system) ? { ...system, metrics: renameMetrics(system.metrics) } : system,
    ),
  }
}

/**
 * A stored or imported result as today's workbench reads it: `sweep` becomes `seedSpread` (in
 * its place among the keys) with today's metric names. Anything else, and a result already
 * upgraded, comes back as it was. Pure: applied where results are read from the database and
 * where a bundle is imported.
 */
export function upgradeResult<T>(result: T): T {
  if (!isObject(result) || !Object.hasOwn(result, 'sweep') || Object.hasOwn(result, 'seedSpread')) return result
  const upgraded = Object.fromEntries(
    Object.entries(result).map(([key, value]) =>
      key === 'sweep' ? ['seedSpread', upgradeSpread(value)] : [key, value],
    ),
  )
  return upgraded as T
}
