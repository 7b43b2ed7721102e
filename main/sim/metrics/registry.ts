/**
 * Every metric the workbench stores, shows or compares, in one place: its id, what it is, its
 * unit, which way is better, where it comes from and which lists show it. Sweep points, seed
 * spreads, report rows, the CLI's tables and the window's result, compare and sweep views are
 * filters over it; how each is read from a result is `readers.ts`, keyed by the same ids.
 *
 * Pure data with no imports: the result types name the seed spread's metrics from here, so this
 * file may not import them back (the layer rule refuses even a type-only cycle).
 */

/** What a number is measured in; a count says what it counts (the reports print it). */
export const METRIC_UNITS = [
  'seconds',
  'tokensPerSecond',
  'requestsPerSecond',
  'bytes',
  'fraction',
  'calls',
  'switches',
  'machines',
  'requests',
  'tokens',
  'sequences',
] as const
export type MetricUnit = (typeof METRIC_UNITS)[number]

/** A unit as reports and tables print it beside a value. */
export const UNIT_SYMBOLS: Readonly<Record<MetricUnit, string>> = {
  seconds: 's',
  tokensPerSecond: 'tokens/s',
  requestsPerSecond: 'requests/s',
  bytes: 'B',
  fraction: 'fraction',
  calls: 'calls',
  switches: 'switches',
  machines: 'machines',
  requests: 'requests',
  tokens: 'tokens',
  sequences: 'sequences',
}

/** Which way is better: it decides a run's winner, the reports' ratios and the heatmap's legend. */
export const METRIC_DIRECTIONS = ['lower', 'higher'] as const
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number]

/**
 * Where a metric comes from: `call` the analytic model of one call (one system's result),
 * `serving` the serving simulation (only where the system served), `footprint` the machines a
 * system needs for every expert (known even where one machine could not serve).
 */
export const METRIC_KINDS = ['call', 'serving', 'footprint'] as const
export type MetricKind = (typeof METRIC_KINDS)[number]

/**
 * The lists a metric is in: `sweep` what a grid point keeps (stored per point: adding one grows
 * every new point), `seedSpread` what a run over several seeds spreads (stored in its result),
 * `report` the report rows, `result` the window's result and compare tables.
 */
export const METRIC_LISTS = ['sweep', 'seedSpread', 'report', 'result'] as const
export type MetricList = (typeof METRIC_LISTS)[number]

export interface MetricEntry {
  /** For people: a table row, an axis title, an option. Unique across the registry. */
  label: string
  unit: MetricUnit
  direction: MetricDirection
  /** What the number is, in one sentence, and where the model defines it. */
  description: string
  kind: MetricKind
  /** Counts things: changes in steps along an axis rather than by overtaking. */
  count: boolean
  lists: readonly MetricList[]
}

const PASS = 'docs/MODEL.md §4'
const SERVING = 'serving simulation, docs/MODEL.md §10'
const KV = 'docs/MODEL.md §4, KV capacity'

// The order is every list's order (tables, report rows, sweep menus).
const ENTRIES = {
  totalSeconds: {
    label: 'Total time',
    unit: 'seconds',
    direction: 'lower',
    description: `prefill + decode (${PASS})`,
    kind: 'call',
    count: false,
    lists: ['sweep', 'report', 'result'],
  },
  timeToFirstTokenSeconds: {
    label: 'Time to first token',
    unit: 'seconds',
    direction: 'lower',
    description: `the prefill pass (${PASS})`,
    kind: 'call',
    count: false,
    lists: ['sweep', 'report', 'result'],
  },
  timePerOutputTokenSeconds: {
    label: 'Time per output token',
    unit: 'seconds',
    direction: 'lower',
    description: `decode ÷ (N − 1) (${PASS})`,
    kind: 'call',
    count: false,
    lists: ['report', 'result'],
  },
  outputTokensPerSecond: {
    label: 'Output tokens per second',
    unit: 'tokensPerSecond',
    direction: 'higher',
    description: `batch × output tokens ÷ total (${PASS})`,
    kind: 'call',
    count: false,
    lists: ['sweep', 'report', 'result'],
  },
  breakdownCompute: {
    label: 'Time in compute',
    unit: 'seconds',
    direction: 'lower',
    description: `compute-bound kernel work, prefill + decode (${PASS})`,
    kind: 'call',
    count: false,
    lists: ['result'],
  },
  breakdownMemory: {
    label: 'Time in memory',
    unit: 'seconds',
    direction: 'lower',
    description: `memory-bound kernel work, prefill + decode (${PASS})`,
    kind: 'call',
    count: false,
    lists: ['result'],
  },
  breakdownLaunch: {
    label: 'Time in launch',
    unit: 'seconds',
    direction: 'lower',
    description: `launch overhead: kernel calls beyond their work, prefill + decode (${PASS})`,
    kind: 'call',
    count: false,
    lists: ['result'],
  },
  breakdownCollectives: {
    label: 'Time in collectives',
    unit: 'seconds',
    direction: 'lower',
    description: `tensor-parallel collectives, prefill + decode (${PASS})`,
    kind: 'call',
    count: false,
    lists: ['result'],
  },
  breakdownSoftware: {
    label: 'Time in software',
    unit: 'seconds',
    direction: 'lower',
    description: `software stack per pass and sequence, prefill + decode (${PASS})`,
    kind: 'call',
    count: false,
    lists: ['result'],
  },
  breakdownSwitching: {
    label: 'Time in switching',
    unit: 'seconds',
    direction: 'lower',
    description: `model switching, prefill + decode (${PASS})`,
    kind: 'call',
    count: false,
    lists: ['result'],
  },
  kernelCalls: {
    label: 'Kernel calls',
    unit: 'calls',
    direction: 'lower',
    description: 'prefill + decode calls, all steps (docs/MODEL.md §3)',
    kind: 'call',
    count: true,
    lists: ['result'],
  },
  requiredBytes: {
    label: 'Memory required',
    unit: 'bytes',
    direction: 'lower',
    description: `weights + KV cache (${PASS}, memory check)`,
    kind: 'call',
    count: false,
    lists: ['sweep', 'report', 'result'],
  },
  kvCapacityTokens: {
    label: 'KV capacity',
    unit: 'tokens',
    direction: 'higher',
    description: `tokens of KV cache that fit in the usable HBM beside the weights, over all sequences (${KV})`,
    kind: 'call',
    count: true,
    lists: ['report', 'result'],
  },
  kvCapacityBatch: {
    label: 'Largest batch at this context',
    unit: 'sequences',
    direction: 'higher',
    description: `sequences of the workload's prompt + output tokens whose KV cache fits; a larger batch is refused (${KV})`,
    kind: 'call',
    count: true,
    lists: ['report', 'result'],
  },
  kvCapacityContext: {
    label: 'Longest context at this batch',
    unit: 'tokens',
    direction: 'higher',
    description: `prompt + output tokens each sequence of the workload's batch may hold in KV cache, by memory alone (${KV})`,
    kind: 'call',
    count: true,
    lists: ['report', 'result'],
  },
  decodeKernelCalls: {
    label: 'Decode kernel calls',
    unit: 'calls',
    direction: 'lower',
    description: 'decode kernel calls, all steps (docs/MODEL.md §3)',
    kind: 'call',
    count: true,
    lists: ['report'],
  },
  speculativeDraftShare: {
    label: 'Draft model share of time',
    unit: 'fraction',
    direction: 'lower',
    description:
      'the draft model’s prefill and proposal passes ÷ prefill + decode, where the workload decodes speculatively (docs/MODEL.md §4.1)',
    kind: 'call',
    count: false,
    lists: ['report', 'result'],
  },
  speculativeTargetShare: {
    label: 'Target model share of time',
    unit: 'fraction',
    direction: 'higher',
    description:
      'the target model’s prefill and verification passes ÷ prefill + decode, where the workload decodes speculatively (docs/MODEL.md §4.1)',
    kind: 'call',
    count: false,
    lists: ['report', 'result'],
  },
  machinesForExperts: {
    label: 'Machines to serve every expert',
    unit: 'machines',
    direction: 'lower',
    description: `machines to hold every expert under the system's placement rule: GPUs in HBM, the RDU in its capacity tier (${SERVING})`,
    kind: 'footprint',
    count: true,
    lists: ['sweep', 'report'],
  },
  servingLatencyMean: {
    label: 'Serving latency mean',
    unit: 'seconds',
    direction: 'lower',
    description: `arrival to last output token, mean over completed requests (${SERVING})`,
    kind: 'serving',
    count: false,
    lists: ['result'],
  },
  servingLatencyP50: {
    label: 'Serving latency p50',
    unit: 'seconds',
    direction: 'lower',
    description: `arrival to last output token, p50 over completed requests (${SERVING})`,
    kind: 'serving',
    count: false,
    lists: ['sweep', 'seedSpread', 'report', 'result'],
  },
  servingLatencyP90: {
    label: 'Serving latency p90',
    unit: 'seconds',
    direction: 'lower',
    description: `arrival to last output token, p90 over completed requests (${SERVING})`,
    kind: 'serving',
    count: false,
    lists: ['result'],
  },
  servingLatencyP99: {
    label: 'Serving latency p99',
    unit: 'seconds',
    direction: 'lower',
    description: `arrival to last output token, p99 over completed requests (${SERVING})`,
    kind: 'serving',
    count: false,
    lists: ['sweep', 'seedSpread', 'report', 'result'],
  },
  servingLatencyMax: {
    label: 'Serving latency max',
    unit: 'seconds',
    direction: 'lower',
    description: `arrival to last output token, max over completed requests (${SERVING})`,
    kind: 'serving',
    count: false,
    lists: ['result'],
  },
  servingTtftP50: {
    label: 'Serving time to first token p50',
    unit: 'seconds',
    direction: 'lower',
    description: `arrival to first token, median (${SERVING})`,
    kind: 'serving',
    count: false,
    lists: ['seedSpread', 'report', 'result'],
  },
  servingTtftP99: {
    label: 'Serving time to first token p99',
    unit: 'seconds',
    direction: 'lower',
    description: `arrival to first token, 99th percentile (${SERVING})`,
    kind: 'serving',
    count: false,
    lists: ['result'],
  },
  servingTpotP50: {
    label: 'Serving time per output token p50',
    unit: 'seconds',
    direction: 'lower',
    description: `time per output token, median (${SERVING})`,
    kind: 'serving',
    count: false,
    lists: ['result'],
  },
  servingRequestsPerSecond: {
    label: 'Serving throughput',
    unit: 'requestsPerSecond',
    direction: 'higher',
    description: `completed requests ÷ simulated seconds (${SERVING})`,
    kind: 'serving',
    count: false,
    lists: ['sweep', 'seedSpread', 'report', 'result'],
  },
  servingTokensPerSecond: {
    label: 'Served tokens per second',
    unit: 'tokensPerSecond',
    direction: 'higher',
    description: `output tokens ÷ simulated seconds (${SERVING})`,
    kind: 'serving',
    count: false,
    lists: ['result'],
  },
  servingHitRate: {
    label: 'HBM hit rate',
    unit: 'fraction',
    direction: 'higher',
    description: `requests whose expert was resident ÷ requests (${SERVING})`,
    kind: 'serving',
    count: false,
    lists: ['sweep', 'seedSpread', 'report', 'result'],
  },
  servingSwitches: {
    label: 'Expert switches',
    unit: 'switches',
    direction: 'lower',
    description: `misses that copied an expert into HBM (${SERVING})`,
    kind: 'serving',
    count: true,
    lists: ['report', 'result'],
  },
  servingSwitchShare: {
    label: 'Switching share of busy time',
    unit: 'fraction',
    direction: 'lower',
    description: `switching seconds ÷ busy seconds (${SERVING})`,
    kind: 'serving',
    count: false,
    lists: ['sweep', 'seedSpread', 'report', 'result'],
  },
  servingUtilisation: {
    label: 'Utilisation',
    unit: 'fraction',
    direction: 'higher',
    description: `busy seconds ÷ simulated seconds (${SERVING})`,
    kind: 'serving',
    count: false,
    lists: ['sweep', 'seedSpread', 'report', 'result'],
  },
  servingMeanWaiting: {
    label: 'Mean queue length',
    unit: 'requests',
    direction: 'lower',
    description: `time-average requests waiting (${SERVING})`,
    kind: 'serving',
    count: false,
    lists: ['result'],
  },
  servingLost: {
    label: 'Dropped + timed out',
    unit: 'requests',
    direction: 'lower',
    description: `requests turned away or timed out (${SERVING})`,
    kind: 'serving',
    count: true,
    lists: ['result'],
  },
  servingSwitchSeconds: {
    label: 'Mean switch time',
    unit: 'seconds',
    direction: 'lower',
    description: `switching seconds ÷ switches, where there were any (${SERVING}, §6)`,
    kind: 'serving',
    count: false,
    lists: ['result'],
  },
} as const satisfies Record<string, MetricEntry>

export type MetricName = keyof typeof ENTRIES
/** Every metric by id (the registries' convention: the table singular, its ids plural). */
export const METRIC: Readonly<Record<MetricName, MetricEntry>> = ENTRIES
/** Every metric id, in registry order. */
export const METRICS = Object.keys(ENTRIES) as readonly MetricName[]

/** The ids of the metrics in one list, as a type. */
export type MetricNameIn<L extends MetricList> = {
  [N in MetricName]: L extends (typeof ENTRIES)[N]['lists'][number] ? N : never
}[MetricName]
/** A metric's kind, as a type (its reader's shape depends on it). */
export type MetricKindOf<N extends MetricName> = (typeof ENTRIES)[N]['kind']

/**
 * The KV capacity of a system's memory (docs/MODEL.md §4), in the order the run page's and
 * `memwall show`'s KV tables put them; the report lists them as any other metric.
 */
export const KV_CAPACITY_METRIC_NAMES = [
  'kvCapacityTokens',
  'kvCapacityBatch',
  'kvCapacityContext',
] as const satisfies readonly MetricName[]

/**
 * How a speculative run's time splits between its two models (docs/MODEL.md §4.1), in the order
 * the run page's and `memwall show`'s speculative tables put them; the report lists them as any
 * other metric.
 */
export const SPECULATIVE_METRIC_NAMES = [
  'speculativeDraftShare',
  'speculativeTargetShare',
] as const satisfies readonly MetricName[]

/** The ids in one list, in registry order. */
export function metricsIn<L extends MetricList>(list: L): readonly MetricNameIn<L>[] {
  return METRICS.filter((name) => METRIC[name].lists.includes(list)) as MetricNameIn<L>[]
}

/** What a sweep point keeps per system (stored: grid points, crossovers, sensitivity). */
export const SWEEP_METRIC_NAMES = metricsIn('sweep')
export type SweepMetricName = MetricNameIn<'sweep'>

/** What a run over several seeds spreads into P5, median and P95. */
export const SEED_SPREAD_METRIC_NAMES = metricsIn('seedSpread')
export type SeedSpreadMetricName = MetricNameIn<'seedSpread'>

/** Sweep metrics that count things: they step, never overtake. */
export const COUNT_METRICS: readonly SweepMetricName[] = SWEEP_METRIC_NAMES.filter((name) => METRIC[name].count)
