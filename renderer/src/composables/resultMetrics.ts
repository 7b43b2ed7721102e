import type { RunResult, ServingSystemResult, SystemResult, TimeBreakdown } from '../../../contract/api'
import { switchTimes } from '../charts/mappers/switchTime'
import type { MetricUnit } from '../format/metrics'

/** One metric of one system in a result: the row a compare table lines up across runs. */
export interface MetricValue {
  systemId: string
  systemName: string
  metric: string
  label: string
  unit: MetricUnit
  /** How it is computed, for the tooltip. */
  how: string
  value: number
}

interface Definition<S> {
  metric: string
  label: string
  unit: MetricUnit
  how: string
  read: (system: S) => number | null
}

const PASS = 'docs/MODEL.md §4'
const SERVING = 'serving simulation, docs/MODEL.md §10'
const phaseSum = (system: SystemResult, key: keyof TimeBreakdown): number | null =>
  system.prefill && system.decode ? system.prefill.breakdown[key] + system.decode.breakdown[key] : null

const BREAKDOWN: readonly [keyof TimeBreakdown, string][] = [
  ['compute', 'compute-bound kernel work'],
  ['memory', 'memory-bound kernel work'],
  ['launch', 'launch overhead: kernel calls beyond their work'],
  ['collectives', 'tensor-parallel collectives'],
  ['software', 'software stack per pass and sequence'],
  ['switching', 'model switching'],
]

const SYSTEM_METRICS: readonly Definition<SystemResult>[] = [
  {
    metric: 'total',
    label: 'Total time',
    unit: 'seconds',
    how: `prefill + decode (${PASS})`,
    read: (s) => s.metrics?.totalSeconds ?? null,
  },
  {
    metric: 'ttft',
    label: 'Time to first token',
    unit: 'seconds',
    how: `the prefill pass (${PASS})`,
    read: (s) => s.metrics?.timeToFirstTokenSeconds ?? null,
  },
  {
    metric: 'tpot',
    label: 'Time per output token',
    unit: 'seconds',
    how: `decode ÷ (N − 1) (${PASS})`,
    read: (s) => s.metrics?.timePerOutputTokenSeconds ?? null,
  },
  {
    metric: 'tokens',
    label: 'Output tokens per second',
    unit: 'tokensPerSecond',
    how: `batch × output tokens ÷ total (${PASS})`,
    read: (s) => s.metrics?.outputTokensPerSecond ?? null,
  },
  ...BREAKDOWN.map(([key, what]): Definition<SystemResult> => ({
    metric: `breakdown.${key}`,
    label: `Time in ${key}`,
    unit: 'seconds',
    how: `${what}, prefill + decode (${PASS})`,
    read: (s) => phaseSum(s, key),
  })),
  {
    metric: 'kernelCalls',
    label: 'Kernel calls',
    unit: 'count',
    how: `prefill + decode calls (docs/MODEL.md §3)`,
    read: (s) => (s.prefill && s.decode ? s.prefill.kernelCalls + s.decode.kernelCalls : null),
  },
  {
    metric: 'memory',
    label: 'Memory needed',
    unit: 'bytes',
    how: `weights + KV cache (${PASS}, memory check)`,
    read: (s) => s.memory.requiredBytes,
  },
]

const SERVING_METRICS: readonly Definition<ServingSystemResult>[] = [
  ...(['mean', 'p50', 'p90', 'p99', 'max'] as const).map((stat): Definition<ServingSystemResult> => ({
    metric: `e2e.${stat}`,
    label: `End-to-end latency ${stat}`,
    unit: 'seconds',
    how: `arrival to last output token, ${stat} over completed requests (${SERVING})`,
    read: (s) => s.e2e[stat],
  })),
  {
    metric: 'ttft.p50',
    label: 'TTFT p50',
    unit: 'seconds',
    how: `arrival to first token, median (${SERVING})`,
    read: (s) => s.ttft.p50,
  },
  {
    metric: 'ttft.p99',
    label: 'TTFT p99',
    unit: 'seconds',
    how: `arrival to first token, 99th percentile (${SERVING})`,
    read: (s) => s.ttft.p99,
  },
  {
    metric: 'tpot.p50',
    label: 'TPOT p50',
    unit: 'seconds',
    how: `time per output token, median (${SERVING})`,
    read: (s) => s.tpot.p50,
  },
  {
    metric: 'requestsPerSecond',
    label: 'Throughput',
    unit: 'requestsPerSecond',
    how: `completed requests ÷ simulated seconds (${SERVING})`,
    read: (s) => s.throughput.requestsPerSecond,
  },
  {
    metric: 'servedTokens',
    label: 'Served tokens per second',
    unit: 'tokensPerSecond',
    how: `output tokens ÷ simulated seconds (${SERVING})`,
    read: (s) => s.throughput.outputTokensPerSecond,
  },
  {
    metric: 'hitRate',
    label: 'HBM hit rate',
    unit: 'fraction',
    how: `requests whose expert was resident ÷ requests (${SERVING})`,
    read: (s) => s.hitRate,
  },
  {
    metric: 'switches',
    label: 'Expert switches',
    unit: 'count',
    how: `misses that copied an expert into HBM (${SERVING})`,
    read: (s) => s.switching.count,
  },
  {
    metric: 'switchShare',
    label: 'Switching share of busy time',
    unit: 'fraction',
    how: `switching seconds ÷ busy seconds (${SERVING})`,
    read: (s) => s.switching.shareOfBusy,
  },
  {
    metric: 'utilisation',
    label: 'Utilisation',
    unit: 'fraction',
    how: `busy seconds ÷ simulated seconds (${SERVING})`,
    read: (s) => s.utilisation,
  },
  {
    metric: 'meanWaiting',
    label: 'Mean queue length',
    unit: 'count',
    how: `time-average requests waiting (${SERVING})`,
    read: (s) => s.queue.meanWaiting,
  },
  {
    metric: 'lost',
    label: 'Dropped + timed out',
    unit: 'count',
    how: `requests turned away or timed out (${SERVING})`,
    read: (s) => s.requests.dropped + s.requests.timedOut,
  },
]

function collect<S extends { systemId: string; systemName: string }>(
  systems: readonly S[],
  definitions: readonly Definition<S>[],
  usable: (system: S) => boolean,
): MetricValue[] {
  return systems.flatMap((system) =>
    usable(system)
      ? definitions.flatMap(({ read, ...definition }) => {
          const value = read(system)
          return value === null || !Number.isFinite(value)
            ? []
            : [{ systemId: system.systemId, systemName: system.systemName, ...definition, value }]
        })
      : [],
  )
}

/**
 * Every numeric metric of a result, per system: the performance model's times, breakdown, calls
 * and memory, and, for a serving run, its latencies, throughput, hit rate, switching and queue.
 * Systems out of memory contribute nothing (their row then shows no value).
 */
export function resultMetrics(result: RunResult): MetricValue[] {
  const model = collect(result.systems, SYSTEM_METRICS, (system) => system.status === 'ok')
  const serving = collect(result.serving ?? [], SERVING_METRICS, (system) => system.status === 'ok')
  const switches = switchTimes(result).flatMap((time) =>
    time.seconds === null
      ? []
      : [
          {
            systemId: time.systemId,
            systemName: time.systemName,
            metric: 'switchTime',
            label: 'Mean switch time',
            unit: 'seconds' as const,
            how: `switching seconds ÷ switches (${SERVING}, §6)`,
            value: time.seconds,
          },
        ],
  )
  return [...model, ...serving, ...switches]
}
