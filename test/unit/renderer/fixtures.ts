import type { RunDetailDto, RunResult, RunSummaryDto, Scenario, SystemResult } from '../../../preload/api'

/** Hand-made results for renderer tests: only the fields the renderer reads carry meaning. */
export function phase(seconds: number) {
  return { seconds, flops: 0, bytes: 0, operators: [] }
}

export function okSystem(id: string, name: string, prefillSeconds: number, decodeSeconds: number): SystemResult {
  const totalSeconds = prefillSeconds + decodeSeconds
  return {
    systemId: id,
    systemName: name,
    chips: 8,
    achievable: { flopsPerSecond: 1e15, bytesPerSecond: 1e12 },
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
  workload: { model: 'llama2-7b', batch: 8, promptTokens: 1024, outputTokens: 128, precision: 'bf16' },
  assumptions: { logitsForLastTokenOnly: true },
  systemOverrides: {},
  seed: 1,
}

export function runResult(systems: SystemResult[]): RunResult {
  return {
    scenario,
    systems,
    assumptions: [],
    provenance: { simulatorVersion: '0.1.0', scenarioHash: 'abc', seed: 1, wallSeconds: 0.01 },
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
    ...overrides,
  }
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
