import type { RunResult, ServingSystemResult, SystemResult, TimeBreakdown } from '../result'
import { METRIC, type MetricKind, type MetricKindOf, type MetricName } from './registry'

type Value = number | null | undefined
/** A call metric reads one system's analytic result; serving and footprint metrics its serving run. */
type Reader<K extends MetricKind> = K extends 'call'
  ? (system: SystemResult) => Value
  : (serving: ServingSystemResult) => Value

/** One model's share of a speculative run's time (null without speculative decoding). */
const speculativeShare =
  (model: 'draftSeconds' | 'targetSeconds') =>
  (s: SystemResult): Value =>
    s.speculative ? s.speculative[model] / (s.speculative.draftSeconds + s.speculative.targetSeconds) : null

const phaseSum =
  (key: keyof TimeBreakdown) =>
  (s: SystemResult): Value =>
    s.prefill && s.decode ? s.prefill.breakdown[key] + s.decode.breakdown[key] : null

/** How each registry metric is read; the compiler asks for one per id, of its kind's shape. */
const READERS: { readonly [N in MetricName]: Reader<MetricKindOf<N>> } = {
  totalSeconds: (s) => s.metrics?.totalSeconds,
  timeToFirstTokenSeconds: (s) => s.metrics?.timeToFirstTokenSeconds,
  timePerOutputTokenSeconds: (s) => s.metrics?.timePerOutputTokenSeconds,
  outputTokensPerSecond: (s) => s.metrics?.outputTokensPerSecond,
  breakdownCompute: phaseSum('compute'),
  breakdownMemory: phaseSum('memory'),
  breakdownLaunch: phaseSum('launch'),
  breakdownCollectives: phaseSum('collectives'),
  breakdownSoftware: phaseSum('software'),
  breakdownSwitching: phaseSum('switching'),
  kernelCalls: (s) => (s.prefill && s.decode ? s.prefill.kernelCalls + s.decode.kernelCalls : null),
  requiredBytes: (s) => s.memory.requiredBytes,
  // Results stored before the KV capacity was recorded have none.
  kvCapacityTokens: (s) => s.memory.kvCapacity?.tokens,
  kvCapacityBatch: (s) => s.memory.kvCapacity?.batchAtContext,
  kvCapacityContext: (s) => s.memory.kvCapacity?.contextAtBatch,
  decodeKernelCalls: (s) => s.decode?.kernelCalls,
  speculativeDraftShare: speculativeShare('draftSeconds'),
  speculativeTargetShare: speculativeShare('targetSeconds'),
  machinesForExperts: (v) => v.machinesForExperts,
  servingLatencyMean: (v) => v.e2e.mean,
  servingLatencyP50: (v) => v.e2e.p50,
  servingLatencyP90: (v) => v.e2e.p90,
  servingLatencyP99: (v) => v.e2e.p99,
  servingLatencyMax: (v) => v.e2e.max,
  servingTtftP50: (v) => v.ttft.p50,
  servingTtftP99: (v) => v.ttft.p99,
  servingTpotP50: (v) => v.tpot.p50,
  servingRequestsPerSecond: (v) => v.throughput.requestsPerSecond,
  servingTokensPerSecond: (v) => v.throughput.outputTokensPerSecond,
  servingHitRate: (v) => v.hitRate,
  servingSwitches: (v) => v.switching.count,
  servingSwitchShare: (v) => v.switching.shareOfBusy,
  servingUtilisation: (v) => v.utilisation,
  servingMeanWaiting: (v) => v.queue.meanWaiting,
  servingLost: (v) => v.requests.dropped + v.requests.timedOut,
  servingSwitchSeconds: (v) => (v.switching.count > 0 ? v.switching.seconds / v.switching.count : null),
}

/**
 * One metric of one system: null where it has none (out of memory, no serving run, not finite).
 * Serving metrics need a serving run that served; the footprint holds even where it could not.
 */
export function readMetric(
  name: MetricName,
  system: SystemResult | undefined,
  serving: ServingSystemResult | undefined,
): number | null {
  const { kind } = METRIC[name]
  // The casts pair each reader with its kind, which the compiler checked where READERS is built.
  const value: Value =
    kind === 'call'
      ? system && (READERS[name] as Reader<'call'>)(system)
      : kind === 'footprint' || serving?.status === 'ok'
        ? serving && (READERS[name] as Reader<'serving'>)(serving)
        : null
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** Some metrics of every system of a run, by system id (the rest of the result is dropped). */
export function readMetrics<N extends MetricName>(
  result: Pick<RunResult, 'systems' | 'serving'>,
  names: readonly N[],
): Record<string, Record<N, number | null>> {
  const metrics: Record<string, Record<N, number | null>> = {}
  for (const system of result.systems) {
    const serving = result.serving?.find((s) => s.systemId === system.systemId)
    const row = {} as Record<N, number | null>
    for (const name of names) row[name] = readMetric(name, system, serving)
    metrics[system.systemId] = row
  }
  return metrics
}
