import type { Scenario } from './scenario/schema'
import type { SeedSpreadMetricName } from './metrics/registry'

/** Time of one operator summed over every instance a phase runs. */
export interface OperatorTiming {
  name: string
  kind: string
  seconds: number
  computeSeconds: number
  memorySeconds: number
  flops: number
  bytes: number
  boundBy: 'compute' | 'memory'
}

/** Where time goes: kernel work bound by compute or memory, call overhead, collectives, software, switching. */
export interface TimeBreakdown {
  compute: number
  memory: number
  launch: number
  collectives: number
  software: number
  switching: number
}

export interface PhaseTiming {
  seconds: number
  breakdown: TimeBreakdown
  kernelCalls: number
  /** FLOPs and bytes of one chip's share, summed over the phase's operators. */
  flops: number
  bytes: number
  /** Each operator alone on one chip's share (FLOPs, bytes and time): its place on the roofline. */
  operators: OperatorTiming[]
}

export interface SystemMetrics {
  /** Prefill: the first output token exists when the prompt has been processed. */
  timeToFirstTokenSeconds: number
  /** Mean time of a decode step; 0 when only one token is generated. */
  timePerOutputTokenSeconds: number
  totalSeconds: number
  /** Output tokens of the whole batch per second of total time. */
  outputTokensPerSecond: number
}

/**
 * How much KV cache fits beside the weights on one system (docs/MODEL.md §4, KV capacity): the
 * usable share of HBM less the weights, in tokens, and as the largest batch at the workload's
 * context and the longest context at its batch. Past it the system is refused (no stack pages or
 * offloads KV in the model).
 */
export interface KvCapacity {
  /** HBM the serving stack may fill, all chips: their HBM × the usable fraction. */
  usableBytes: number
  /** What the usable HBM has left for KV once the weights are in; 0 when they do not fit. */
  kvBytes: number
  /** KV bytes of one token of one sequence, all chips, tensor-parallel replication counted. */
  bytesPerToken: number
  /** Tokens of KV cache that fit, summed over the sequences. */
  tokens: number
  /** The workload's context (prompt + output tokens) and batch the two limits below are taken at. */
  contextTokens: number
  batch: number
  /** Most sequences of `contextTokens` tokens whose KV fits. */
  batchAtContext: number
  /** Longest context (prompt + output tokens) each of `batch` sequences can have. */
  contextAtBatch: number
}

/** What one system's memory holds for the workload, and against what. */
export interface SystemMemory {
  weightBytes: number
  /** The KV cache of the whole batch at its full context. */
  kvCacheBytes: number
  requiredBytes: number
  /** HBM of all the chips the model is split over. */
  hbmBytes: number
  /** Absent in results stored before the KV capacity was recorded: every reader tolerates that. */
  kvCapacity?: KvCapacity
}

export interface SystemResult {
  systemId: string
  systemName: string
  chips: number
  mode: string
  /** The software stack it ran (null: the system's own figures); absent in results stored before 0.4.0. */
  stackId?: string | null
  /** Achievable rates of one chip, efficiencies applied: the roofline's two roofs. */
  achievablePerChip: { flopsPerSecond: number; bytesPerSecond: number }
  memory: SystemMemory
  status: 'ok' | 'outOfMemory'
  message: string | null
  prefill: PhaseTiming | null
  decode: PhaseTiming | null
  metrics: SystemMetrics | null
  /**
   * Speculative decoding, where the workload asked for it and the system ran (prefill and decode
   * above then hold both models' passes). Absent without it, and in results stored before it
   * existed: every reader tolerates that.
   */
  speculative?: SpeculativeTiming
}

/** How a speculative generation went on one system (docs/MODEL.md §4.1). */
export interface SpeculativeTiming {
  /** The draft model's preset id, and the settings it ran with. */
  draftModel: string
  proposedTokens: number
  acceptanceRate: number
  /** Tokens one target verification pass yields in expectation: (1 − α^(k+1)) / (1 − α). */
  expectedTokensPerStep: number
  /** Verification steps after the prefill: ⌈(N − 1) / expectedTokensPerStep⌉. */
  steps: number
  /** The draft's prefill and its k passes per step. */
  draftSeconds: number
  /** The target's prefill and its verification passes. */
  targetSeconds: number
  /** The draft's share of `memory` (its weights, and its KV cache of the whole batch). */
  draftWeightBytes: number
  draftKvCacheBytes: number
}

/** One modelling choice as a run used it: the ledger printed with every result. */
export interface AssumptionEntry {
  name: string
  value: number | boolean | string
  defaultValue: number | boolean | string
  overridden: boolean
  description: string
  source: string
}

export interface Provenance {
  simulatorVersion: string
  scenarioHash: string
  seed: number
  wallSeconds: number
  /** Events the serving simulation processed (0 without one). */
  events: number
}

export interface RunResult {
  scenario: Scenario
  systems: SystemResult[]
  /** The CoE serving simulation per system, when the scenario has one. */
  serving: ServingSystemResult[] | null
  assumptions: AssumptionEntry[]
  provenance: Provenance
  /**
   * When the run went over several seeds: each seed-spread metric's spread (the rest is the first
   * seed's). Results stored before this was named hold it as `sweep` (contract/resultUpgrade.ts).
   */
  seedSpread?: SeedSpread
}

export interface LatencyStats {
  count: number
  mean: number
  p50: number
  p90: number
  p99: number
  max: number
}

export interface SeriesPoint {
  time: number
  value: number
}

/** One system's serving run: every metric of issue 4, from bounded streaming tallies. */
export interface ServingSystemResult {
  systemId: string
  systemName: string
  status: 'ok' | 'outOfMemory'
  message: string | null
  residentSlots: number
  requests: { arrived: number; completed: number; dropped: number; timedOut: number; stillQueued: number }
  simulatedSeconds: number
  events: number
  throughput: { requestsPerSecond: number; outputTokensPerSecond: number }
  ttft: LatencyStats
  tpot: LatencyStats
  e2e: LatencyStats
  e2eCdf: { seconds: number; fraction: number }[]
  switching: { count: number; seconds: number; shareOfBusy: number }
  /**
   * The accelerator's busy seconds and where they went: router passes, switches it waited for,
   * and the experts' own passes. Absent in results stored before simulator 0.3.0.
   */
  busy?: { seconds: number; router: number; switching: number; experts: number }
  hitRate: number
  utilisation: number
  queue: { meanWaiting: number; maxWaiting: number; meanInSystem: number }
  /** L = λW, measured: time-average requests in the system against arrival rate × mean latency. */
  littlesLaw: { inSystem: number; arrivalRate: number; meanLatency: number }
  series: { waiting: SeriesPoint[]; resident: SeriesPoint[]; switches: SeriesPoint[]; latency: SeriesPoint[] }
  /**
   * The footprint: machines this system needs to serve every expert under its placement rule
   * (GPUs: all in HBM; RDU: in the capacity tier). Null when one machine cannot hold one expert;
   * absent in results stored before simulator 0.3.0.
   */
  machinesForExperts?: number | null
}

/** A metric's spread over seeds: a grid point's, or a seed spread's. */
export interface Spread {
  p5: number
  p50: number
  p95: number
}

/** One scenario run under consecutive seeds: each seed-spread metric's P5, median and P95. */
export interface SeedSpread {
  seeds: number[]
  /** Per system that served, each metric's spread (null where no seed gave a finite value). */
  systems: { systemId: string; metrics: Record<SeedSpreadMetricName, Spread | null> }[]
}
