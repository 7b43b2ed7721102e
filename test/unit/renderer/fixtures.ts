import type {
  PresetsDto,
  OperatorTiming,
  PaperReport,
  PhaseTiming,
  RunDetailDto,
  RunPageDto,
  RunResult,
  RunSummaryDto,
  Scenario,
  SystemResult,
  TimeBreakdown,
} from '../../../contract/api'

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

/**
 * A small paper report with round numbers, for the paper check's mapping: speedups 20× and 40×
 * for switching, 3.8× and 6.4× for the published CoE case, a footprint of up to 20×.
 */
export function paperReportFixture(): PaperReport {
  const published = {
    headlines: {
      fusionSpeedup: { low: 2, high: 13 },
      footprintRatio: 19,
      switchingSpeedup: { 'dgx-h100': 15, 'dgx-a100': 31 },
      coeSpeedupBatch8Tokens20: { 'dgx-h100': 3.7, 'dgx-a100': 6.6 },
    },
    monarch: { unfused: 39.5, partiallyFused: 102.6, fullyFused: 410.4 },
  }
  const coeEntry = (batch: number, sn: number, h100: number, a100: number) => ({
    batch,
    outputTokens: 20,
    experts: 148,
    seconds: { 'sn40l-node': sn, 'dgx-h100': h100, 'dgx-a100': a100 },
    speedup: { 'dgx-h100': h100 / sn, 'dgx-a100': a100 / sn },
    expertOnlySpeedup: { 'dgx-h100': 2, 'dgx-a100': 3 },
    switches: { 'sn40l-node': 1, 'dgx-h100': 1, 'dgx-a100': 1 },
  })
  return {
    simulatorVersion: '9.9.9',
    hostLinkModel: 'paper',
    assumptions: {
      hostLinkModel: { value: 'paper', source: '[P Sec. VI-C] one PCIe link for the node' },
      fusionBatch: { value: 1, source: 'ASSUMPTION: [P Table III] publishes no batch size' },
      logitsForLastTokenOnly: { value: true, source: 'ASSUMPTION: what serving stacks do' },
    },
    switching: {
      expertBytes: 13.5e9,
      seconds: { 'sn40l-node': 0.01, 'dgx-h100': 0.2, 'dgx-a100': 0.4 },
      speedup: { 'dgx-h100': 20, 'dgx-a100': 40 },
    },
    // b1: 0.2 / 0.05 = 4, 0.4 / 0.05 = 8; b8: 1.9 / 0.5 = 3.8, 3.2 / 0.5 = 6.4.
    coe: [coeEntry(1, 0.05, 0.2, 0.4), coeEntry(8, 0.5, 1.9, 3.2)],
    otherHostLinkModel: {
      hostLinkModel: 'perGpuLinks',
      switching: {
        expertBytes: 13.5e9,
        seconds: { 'sn40l-node': 0.01, 'dgx-h100': 0.025, 'dgx-a100': 0.05 },
        speedup: { 'dgx-h100': 2.5, 'dgx-a100': 5 },
      },
      // b1: 0.1 / 0.05 = 2, 0.2 / 0.05 = 4; b8: 0.75 / 0.5 = 1.5, 1.5 / 0.5 = 3.
      coe: [coeEntry(1, 0.05, 0.1, 0.2), coeEntry(8, 0.5, 0.75, 1.5)],
    },
    // b8: 1.0 / 0.5 = 2, 1.5 / 0.5 = 3.
    currentGpuStack: {
      stack: 'trtllm-2024',
      label: 'TensorRT-LLM 2024',
      coe: [coeEntry(1, 0.05, 0.1, 0.15), coeEntry(8, 0.5, 1.0, 1.5)],
    },
    gpuHbmExpertCapacity: { 'dgx-h100': 46, 'dgx-a100': 46 },
    footprint: [
      { experts: 10, nodes: { 'sn40l-node': 1, 'dgx-h100': 1, 'dgx-a100': 1 } },
      { experts: 50, nodes: { 'sn40l-node': 1, 'dgx-h100': 2, 'dgx-a100': 2 } },
      { experts: 1000, nodes: { 'sn40l-node': 4, 'dgx-h100': 80, 'dgx-a100': null } },
    ],
    fusion: [
      {
        benchmark: 'llama2-7b-4k-prefill',
        sockets: 8,
        seconds: { unfused: 1, fusedSO: 0.5, fusedHO: 0.25 },
        kernelCalls: { unfused: 100, fused: 10 },
      },
    ],
    monarch: { unfused: 39.5, partiallyFused: 110, fullyFused: 410.4 },
    gpuBaseline: [
      { system: 'dgx-a100', tp: 1, batch: 1, inputTokens: 128, outputTokens: 20, seconds: 0.25, publishedSeconds: 0.2 },
      { system: 'dgx-h100', tp: 2, batch: 1, inputTokens: 128, outputTokens: 20, seconds: 0.1, publishedSeconds: null },
    ],
    llama31: [{ model: 'llama3.1-8b', sockets: 16, tokensPerSecondPerUser: 250.4 }],
    published,
    headlines: { fusionSpeedup: { low: 2, high: 4 }, footprintRatio: 20 },
  }
}

/** A system as the scenario form reads it: id, name, dataflow fusion, efficiencies (placeholders). */
export const formSystem = (id: string, name: string, dataflowFusion: boolean) => ({
  id,
  name,
  description: '',
  chip: { computeEfficiency: { value: 0.7 }, memoryEfficiency: { value: 0.8 } },
  execution: { dataflowFusion },
})

export const formSystems = [
  formSystem('sn40l-node', 'SN40L node', true),
  formSystem('dgx-a100', 'DGX A100', false),
] as unknown as PresetsDto['systems']
