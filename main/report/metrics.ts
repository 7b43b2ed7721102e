import type { RunDetailDto } from '../../contract/api'
import type { MetricRow } from './types'

/** A metric the reports show: its name, unit, and how to read it from one system's result. */
interface MetricSpec<T> {
  metric: string
  unit: string
  read: (system: T) => number | null | undefined
  /** Whether a larger value is better (throughput) or worse (latency): decides who wins. */
  higherIsBetter: boolean
}

type SystemResult = NonNullable<RunDetailDto['result']>['systems'][number]
type ServingResult = NonNullable<NonNullable<RunDetailDto['result']>['serving']>[number]

export const CALL_METRICS: MetricSpec<SystemResult>[] = [
  { metric: 'total latency', unit: 's', read: (s) => s.metrics?.totalSeconds, higherIsBetter: false },
  { metric: 'time to first token', unit: 's', read: (s) => s.metrics?.timeToFirstTokenSeconds, higherIsBetter: false },
  {
    metric: 'time per output token',
    unit: 's',
    read: (s) => s.metrics?.timePerOutputTokenSeconds,
    higherIsBetter: false,
  },
  {
    metric: 'output tokens per second',
    unit: 'tokens/s',
    read: (s) => s.metrics?.outputTokensPerSecond,
    higherIsBetter: true,
  },
  { metric: 'memory required', unit: 'B', read: (s) => s.memory.requiredBytes, higherIsBetter: false },
  { metric: 'kernel calls (decode step)', unit: 'calls', read: (s) => s.decode?.kernelCalls, higherIsBetter: false },
]

export const SERVING_METRICS: MetricSpec<ServingResult>[] = [
  { metric: 'serving: end-to-end latency p50', unit: 's', read: (s) => s.e2e.p50, higherIsBetter: false },
  { metric: 'serving: end-to-end latency p99', unit: 's', read: (s) => s.e2e.p99, higherIsBetter: false },
  { metric: 'serving: time to first token p50', unit: 's', read: (s) => s.ttft.p50, higherIsBetter: false },
  {
    metric: 'serving: requests per second',
    unit: 'requests/s',
    read: (s) => s.throughput.requestsPerSecond,
    higherIsBetter: true,
  },
  { metric: 'serving: HBM hit rate', unit: 'fraction', read: (s) => s.hitRate, higherIsBetter: true },
  { metric: 'serving: expert switches', unit: 'switches', read: (s) => s.switching.count, higherIsBetter: false },
  {
    metric: 'serving: switch share of busy time',
    unit: 'fraction',
    read: (s) => s.switching.shareOfBusy,
    higherIsBetter: false,
  },
  { metric: 'serving: utilisation', unit: 'fraction', read: (s) => s.utilisation, higherIsBetter: true },
]

/** Machines to serve every expert under each system's placement rule: fewer is better. */
export const FOOTPRINT_METRIC = 'serving: machines for every expert'

const BETTER = new Map<string, boolean>([
  ...[...CALL_METRICS, ...SERVING_METRICS].map((spec) => [spec.metric, spec.higherIsBetter] as const),
  [FOOTPRINT_METRIC, false],
])

/** Whether a larger value of `metric` is better. */
export function higherIsBetter(metric: string): boolean {
  return BETTER.get(metric) ?? false
}

/** Every metric of every system of a run that has a finite value, in a fixed order. */
export function runMetrics(run: RunDetailDto): MetricRow[] {
  const rows: MetricRow[] = []
  const label = run.label ?? run.scenarioName
  const push = (system: string, metric: string, unit: string, value: number | null | undefined): void => {
    if (typeof value === 'number' && Number.isFinite(value))
      rows.push({ runId: run.id, label, system, metric, value, unit })
  }
  for (const system of run.result?.systems ?? []) {
    for (const spec of CALL_METRICS) push(system.systemId, spec.metric, spec.unit, spec.read(system))
  }
  for (const serving of run.result?.serving ?? []) {
    // The footprint holds even where the system ran out of memory for one machine's worth.
    push(serving.systemId, FOOTPRINT_METRIC, 'machines', serving.machinesForExperts)
    if (serving.status !== 'ok') continue
    for (const spec of SERVING_METRICS) push(serving.systemId, spec.metric, spec.unit, spec.read(serving))
  }
  return rows
}
