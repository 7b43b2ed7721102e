import type {
  OperatorTiming,
  PhaseTiming,
  RunDetailDto,
  RunPageDto,
  RunResult,
  RunSummaryDto,
  Scenario,
  SystemResult,
  TimeBreakdown,
} from '../../../preload/api'

/** Hand-made results for renderer tests: only the fields the renderer reads carry meaning. */
export function phase(
  seconds: number,
  breakdown: Partial<TimeBreakdown> = {},
  operators: OperatorTiming[] = [],
  kernelCalls = 0,
): PhaseTiming {
  return {
    seconds,
    breakdown: { compute: 0, memory: 0, launch: 0, collectives: 0, software: 0, switching: 0, ...breakdown },
    kernelCalls,
    flops: 0,
    bytes: 0,
    operators,
  }
}

/** One operator on one chip's share; seconds is the roofline time max(compute, memory). */
export function operator(name: string, flops: number, bytes: number, seconds: number): OperatorTiming {
  return {
    name,
    kind: 'matmul',
    seconds,
    computeSeconds: seconds,
    memorySeconds: seconds,
    flops,
    bytes,
    boundBy: 'memory',
  }
}

export function okSystem(id: string, name: string, prefillSeconds: number, decodeSeconds: number): SystemResult {
  const totalSeconds = prefillSeconds + decodeSeconds
  return {
    systemId: id,
    systemName: name,
    chips: 8,
    mode: 'kernelFused',
    achievablePerChip: { flopsPerSecond: 1e15, bytesPerSecond: 1e12 },
    memory: { weightBytes: 13e9, kvCacheBytes: 1e9, requiredBytes: 14e9, hbmBytes: 640e9 },
    status: 'ok',
    message: null,
    prefill: phase(prefillSeconds),
    decode: phase(decodeSeconds),
    metrics: {
      timeToFirstTokenSeconds: prefillSeconds,
      timePerOutputTokenSeconds: decodeSeconds / 127,
      totalSeconds,
      outputTokensPerSecond: (8 * 128) / totalSeconds,
    },
  }
}

export function outOfMemorySystem(id: string, name: string): SystemResult {
  return {
    ...okSystem(id, name, 0, 0),
    status: 'outOfMemory',
    message: 'out of memory: weights and KV cache need 900 GB of HBM, 8 chips hold 640 GB',
    prefill: null,
    decode: null,
    metrics: null,
  }
}

export const scenario: Scenario = {
  schemaVersion: 1,
  name: 'fixture',
  description: '',
  systems: ['sn40l-node', 'dgx-a100', 'dgx-h100'],
  customSystems: [],
  workload: { model: 'llama2-7b', batch: 8, promptTokens: 1024, outputTokens: 128, precision: 'bf16' },
  assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' },
  systemOverrides: {},
  seed: 1,
}

export function runResult(systems: SystemResult[]): RunResult {
  return {
    scenario,
    systems,
    serving: null,
    assumptions: [],
    provenance: { simulatorVersion: '0.1.0', scenarioHash: 'abc', seed: 1, wallSeconds: 0.01, events: 0 },
  }
}

export function summary(id: number, overrides: Partial<RunSummaryDto> = {}): RunSummaryDto {
  return {
    id,
    label: null,
    status: 'queued',
    progress: 0,
    scenarioName: `scenario ${id}`,
    scenarioHash: 'abc',
    systems: ['sn40l-node'],
    model: 'llama2-7b',
    seed: 1,
    simulatorVersion: '0.1.0',
    createdAt: '2024-01-01T00:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    error: null,
    notes: null,
    tags: [],
    starred: false,
    seeds: 1,
    replayOf: null,
    ...overrides,
  }
}

/** One page of `runsList`: these rows, and `total` (by default just them). */
export function page(runs: RunSummaryDto[], total = runs.length): RunPageDto {
  return { runs, total }
}

export function detail(
  id: number,
  systems: SystemResult[] | null,
  overrides: Partial<RunSummaryDto> = {},
): RunDetailDto {
  return {
    ...summary(id, { status: 'finished', progress: 1, ...overrides }),
    scenario,
    result: systems ? runResult(systems) : null,
  }
}
