import { SWEEP_METRIC_NAMES, type SweepMetricName } from '../../../contract/api'
import { formatMetric, type MetricUnit } from '../format/metrics'

/** A sweep metric as people read it: its name, its unit, and whether lower is better. */
export interface SweepMetricInfo {
  name: SweepMetricName
  label: string
  unit: MetricUnit
  lowerIsBetter: boolean
}

const INFO: Record<SweepMetricName, Omit<SweepMetricInfo, 'name'>> = {
  totalSeconds: { label: 'Total time', unit: 'seconds', lowerIsBetter: true },
  timeToFirstTokenSeconds: { label: 'Time to first token', unit: 'seconds', lowerIsBetter: true },
  outputTokensPerSecond: { label: 'Output tokens per second', unit: 'tokensPerSecond', lowerIsBetter: false },
  requiredBytes: { label: 'Memory required', unit: 'bytes', lowerIsBetter: true },
  machinesForExperts: { label: 'Machines to hold the experts', unit: 'count', lowerIsBetter: true },
  servingLatencyP50: { label: 'Serving latency p50', unit: 'seconds', lowerIsBetter: true },
  servingLatencyP99: { label: 'Serving latency p99', unit: 'seconds', lowerIsBetter: true },
  servingRequestsPerSecond: { label: 'Serving throughput', unit: 'requestsPerSecond', lowerIsBetter: false },
  servingHitRate: { label: 'HBM hit rate', unit: 'fraction', lowerIsBetter: false },
  servingSwitchShare: { label: 'Switching share of busy time', unit: 'fraction', lowerIsBetter: true },
  servingUtilisation: { label: 'Utilisation', unit: 'fraction', lowerIsBetter: false },
}

/** Every metric, in the contract's order. */
export const SWEEP_METRICS: readonly SweepMetricInfo[] = SWEEP_METRIC_NAMES.map((name) => ({ name, ...INFO[name] }))

export function sweepMetricInfo(name: SweepMetricName): SweepMetricInfo {
  return { name, ...INFO[name] }
}

/** `Serving latency p50 (s)`-style axis titles carry the unit's word, not a symbol. */
const UNIT_WORDS: Record<MetricUnit, string> = {
  seconds: 'time',
  tokensPerSecond: 'tokens/s',
  requestsPerSecond: 'requests/s',
  bytes: 'bytes',
  fraction: 'share',
  count: 'count',
}

export function sweepMetricAxisTitle(name: SweepMetricName): string {
  const info = INFO[name]
  return `${info.label} (${UNIT_WORDS[info.unit]})`
}

/** A metric's value in its unit (`129 ms`, `72.5%`); `—` for a missing value. */
export function formatSweepMetric(name: SweepMetricName, value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : formatMetric(INFO[name].unit, value)
}

/** The metrics a sweep has a value of at some done point, in the contract's order. */
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
