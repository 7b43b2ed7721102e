import { quantile } from 'simple-statistics'
import type { RunResult, ServingSystemResult, Spread, SystemResult } from '../result'
import { ownEntry } from '../own'

/** The metrics a sweep keeps per system and point; the contract's SWEEP_METRIC_NAMES is this list. */
export const POINT_METRIC_NAMES = [
  'totalSeconds',
  'timeToFirstTokenSeconds',
  'outputTokensPerSecond',
  'requiredBytes',
  'machinesForExperts',
  'servingLatencyP50',
  'servingLatencyP99',
  'servingRequestsPerSecond',
  'servingHitRate',
  'servingSwitchShare',
  'servingUtilisation',
] as const
export type PointMetricName = (typeof POINT_METRIC_NAMES)[number]

/** Metrics that count things: they change in steps, not by overtaking. */
export const COUNT_METRICS: readonly PointMetricName[] = ['machinesForExperts']

/** One run's metrics, by system id: null where the system ran out of memory or has no such metric. */
export type PointMetrics = Record<string, Record<PointMetricName, number | null>>
/** A point's metrics over its seeds: median and P5–P95 (all three equal with one seed). */
export type PointSpreads = Record<string, Record<PointMetricName, Spread | null>>

type Pick = (system: SystemResult, serving: ServingSystemResult | undefined) => number | null | undefined

const okServing = (serving: ServingSystemResult | undefined): ServingSystemResult | undefined =>
  serving?.status === 'ok' ? serving : undefined

const PICKS: Record<PointMetricName, Pick> = {
  totalSeconds: (s) => s.metrics?.totalSeconds,
  timeToFirstTokenSeconds: (s) => s.metrics?.timeToFirstTokenSeconds,
  outputTokensPerSecond: (s) => s.metrics?.outputTokensPerSecond,
  requiredBytes: (s) => s.memory.requiredBytes,
  // The footprint does not depend on the serving run fitting one machine.
  machinesForExperts: (_, v) => v?.machinesForExperts,
  servingLatencyP50: (_, v) => okServing(v)?.e2e.p50,
  servingLatencyP99: (_, v) => okServing(v)?.e2e.p99,
  servingRequestsPerSecond: (_, v) => okServing(v)?.throughput.requestsPerSecond,
  servingHitRate: (_, v) => okServing(v)?.hitRate,
  servingSwitchShare: (_, v) => okServing(v)?.switching.shareOfBusy,
  servingUtilisation: (_, v) => okServing(v)?.utilisation,
}

/** A run's sweep metrics per system (the rest of the result is dropped). */
export function pointMetrics(result: RunResult): PointMetrics {
  const metrics: PointMetrics = {}
  for (const system of result.systems) {
    const serving = result.serving?.find((s) => s.systemId === system.systemId)
    const row = {} as Record<PointMetricName, number | null>
    for (const name of POINT_METRIC_NAMES) {
      const value = PICKS[name](system, serving)
      row[name] = typeof value === 'number' && Number.isFinite(value) ? value : null
    }
    metrics[system.systemId] = row
  }
  return metrics
}

/** P5, median and P95 (simple-statistics' quantile, as run sweeps use it). */
export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values]
  return { p5: quantile(sorted, 0.05), p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) }
}

/** Folds each seed's metrics into spreads; a metric null for every seed stays null. */
export function combineSeeds(perSeed: readonly PointMetrics[]): PointSpreads {
  const spreads: PointSpreads = {}
  for (const systemId of Object.keys(perSeed[0] ?? {})) {
    const row = {} as Record<PointMetricName, Spread | null>
    for (const name of POINT_METRIC_NAMES) {
      const values = perSeed.map((m) => ownEntry(m, systemId)?.[name]).filter((v): v is number => typeof v === 'number')
      row[name] = values.length === 0 ? null : spreadOf(values)
    }
    spreads[systemId] = row
  }
  return spreads
}
