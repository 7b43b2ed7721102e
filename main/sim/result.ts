import type { Scenario } from './scenario/schema'

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

export interface SystemResult {
  systemId: string
  systemName: string
  chips: number
  mode: string
  /** Achievable rates of one chip, efficiencies applied: the roofline's two roofs. */
  achievablePerChip: { flopsPerSecond: number; bytesPerSecond: number }
  memory: { weightBytes: number; kvCacheBytes: number; requiredBytes: number; hbmBytes: number }
  status: 'ok' | 'outOfMemory'
  message: string | null
  prefill: PhaseTiming | null
  decode: PhaseTiming | null
  metrics: SystemMetrics | null
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
}

export interface RunResult {
  scenario: Scenario
  systems: SystemResult[]
  assumptions: AssumptionEntry[]
  provenance: Provenance
}
