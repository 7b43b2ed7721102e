import { quantile } from 'simple-statistics'
import type { RunResult, Spread } from '../result'
import { readMetrics } from '../metrics/readers'
import { SWEEP_METRIC_NAMES, type MetricName, type SweepMetricName } from '../metrics/registry'
import { ownEntry } from '../own'

/** One run's metrics, by system id: null where the system ran out of memory or has no such metric. */
export type PointMetrics<N extends MetricName = SweepMetricName> = Record<string, Record<N, number | null>>
/** A point's metrics over its seeds: median and P5–P95 (all three equal with one seed). */
export type PointSpreads<N extends MetricName = SweepMetricName> = Record<string, Record<N, Spread | null>>

/** A run's sweep metrics per system (the rest of the result is dropped). */
export function pointMetrics(result: RunResult): PointMetrics {
  return readMetrics(result, SWEEP_METRIC_NAMES)
}

/** P5, median and P95 (simple-statistics' quantile): a grid point's and a seed spread's. */
export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values]
  return { p5: quantile(sorted, 0.05), p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) }
}

/** Folds each seed's metrics into spreads; a metric null for every seed stays null. */
export function combineSeeds(perSeed: readonly PointMetrics[]): PointSpreads {
  return spreadsOver(perSeed, SWEEP_METRIC_NAMES)
}

/** `combineSeeds` for any metrics: the one place a spread over seeds is taken. */
export function spreadsOver<N extends MetricName>(
  perSeed: readonly PointMetrics<N>[],
  names: readonly N[],
): PointSpreads<N> {
  const spreads: PointSpreads<N> = {}
  for (const systemId of Object.keys(perSeed[0] ?? {})) {
    const row = {} as Record<N, Spread | null>
    for (const name of names) {
      const values = perSeed.map((m) => ownEntry(m, systemId)?.[name]).filter((v): v is number => typeof v === 'number')
      row[name] = values.length === 0 ? null : spreadOf(values)
    }
    spreads[systemId] = row
  }
  return spreads
}
