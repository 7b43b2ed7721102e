import { METRIC, SWEEP_METRIC_NAMES, type MetricEntry, type SweepMetricName } from '../../../contract/api'
import { formatMetric, type MetricUnit } from '../format/metrics'

/** A sweep metric as people read it: the registry's entry under its id. */
export interface SweepMetricInfo extends MetricEntry {
  name: SweepMetricName
}

/** Every metric, in the registry's order. */
export const SWEEP_METRICS: readonly SweepMetricInfo[] = SWEEP_METRIC_NAMES.map((name) => ({ name, ...METRIC[name] }))

export function sweepMetricInfo(name: SweepMetricName): SweepMetricInfo {
  return { name, ...METRIC[name] }
}

/** `Serving latency p50 (s)`-style axis titles carry the unit's word, not a symbol. */
const UNIT_WORDS: Record<MetricUnit, string> = {
  seconds: 'time',
  tokensPerSecond: 'tokens/s',
  requestsPerSecond: 'requests/s',
  bytes: 'bytes',
  fraction: 'share',
  calls: 'count',
  switches: 'count',
  machines: 'count',
  requests: 'count',
  tokens: 'tokens',
  sequences: 'count',
}

export function sweepMetricAxisTitle(name: SweepMetricName): string {
  const { label, unit } = METRIC[name]
  return `${label} (${UNIT_WORDS[unit]})`
}

/** A metric's value in its unit (`129 ms`, `72.5%`); `—` for a missing value. */
export function formatSweepMetric(name: SweepMetricName, value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : formatMetric(METRIC[name].unit, value)
}

/** The metrics a sweep has a value of at some done point, in the registry's order. */
export function availableSweepMetrics(sweep: {
  pointsData: readonly { status: string; metrics: Record<string, Partial<Record<SweepMetricName, unknown>>> }[]
}): SweepMetricName[] {
  const seen = new Set<SweepMetricName>()
  for (const point of sweep.pointsData) {
    if (point.status !== 'done') continue
    for (const metrics of Object.values(point.metrics)) {
      for (const [name, value] of Object.entries(metrics)) if (value) seen.add(name as SweepMetricName)
    }
  }
  return SWEEP_METRIC_NAMES.filter((name) => seen.has(name))
}

/** The metric a sweep opens on: its first crossover's, else the first with values, else total time. */
export function defaultSweepMetric(
  available: readonly SweepMetricName[],
  crossovers: readonly { metric: SweepMetricName }[],
): SweepMetricName {
  const crossing = crossovers.find((crossover) => available.includes(crossover.metric))
  return crossing?.metric ?? available[0] ?? 'totalSeconds'
}
