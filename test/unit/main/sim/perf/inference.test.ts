import { describe, expect, it } from 'vitest'
import { resolveSystem } from '../../../../../main/sim/assumptions'
import { simulateInference } from '../../../../../main/sim/perf/inference'
import { ScenarioSchema, type ScenarioInput } from '../../../../../main/sim/scenario/schema'

/** One chip, unfused kernels with no call or host overhead: the bare roofline of every operator. */
const bareRoofline = {
  chips: 1,
  mode: 'unfused',
  hostKernelOverhead: 0,
  onChipKernelOverhead: 0,
  stepOverhead: 0,
  sequenceStepOverhead: 0,
} as const

const scenario = (overrides: Partial<ScenarioInput> = {}) =>
  ScenarioSchema.parse({
    name: 'test',
    systems: ['sn40l-node', 'dgx-h100', 'dgx-a100'],
    workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 2 },
    ...overrides,
  })

describe('simulateInference', () => {
  it('times one Llama-2-7B decode step on one SN40L socket from its bytes, overheads removed', () => {
    // One socket, no kernel overheads, no collectives: a pure roofline. Batch 1 is memory-bound,
    // so the step is its bytes / (1.8e12 * 0.85 = 1.53e12) B/s.
    // Weights read per step: 32 layers * 404,766,720 + embedding row 8,192 + final norm 8,192
    //   + LM head 262,144,000 = 13,214,695,424.
    // Activations + KV per layer at 128 past tokens: 328,704 + 16,640 * 129 = 2,475,264; * 32 = 79,208,448.
    // Once per step: embedding 8,192 + final norm 16,384 + LM head 72,192 = 96,768.
    // Total 13,294,000,640 bytes / 1.53e12 = 8.68889e-3 s.
    const s = scenario({ systemOverrides: { 'sn40l-node': bareRoofline } })
    const result = simulateInference(resolveSystem('sn40l-node', s), s)
    expect(result.decode!.bytes).toBe(13_294_000_640)
    expect(result.decode!.seconds).toBeCloseTo(8.688889e-3, 8)
    expect(result.decode!.breakdown).toMatchObject({ compute: 0, launch: 0, collectives: 0, software: 0 })
  })

  it('adds prefill and decode into the total and counts every output token of the batch', () => {
    const s = scenario({ workload: { model: 'llama2-7b', batch: 4, promptTokens: 64, outputTokens: 10 } })
    const { prefill, decode, metrics } = simulateInference(resolveSystem('dgx-h100', s), s)
    expect(metrics!.timeToFirstTokenSeconds).toBe(prefill!.seconds)
    expect(metrics!.totalSeconds).toBeCloseTo(prefill!.seconds + decode!.seconds, 15)
    expect(metrics!.timePerOutputTokenSeconds).toBeCloseTo(decode!.seconds / 9, 15)
    // 4 sequences * 10 tokens each
    expect(metrics!.outputTokensPerSecond).toBeCloseTo(40 / metrics!.totalSeconds, 6)
  })

  it('reports out of memory when weights and KV cache exceed the chips it uses', () => {
    // One chip: 13.48 GB of weights + 64 * 4096 tokens * 0.524288 MB = 137.4 GB of KV > 0.9 * 80 GB.
    // Left for KV: 72e9 − 13,476,831,232 = 58,523,168,768 B: ⌊/ 524,288⌋ = 111,624 tokens, 27 × 4096.
    const s = scenario({
      workload: { model: 'llama2-7b', batch: 64, promptTokens: 4000, outputTokens: 96 },
      systemOverrides: { 'dgx-h100': { chips: 1 } },
      systems: ['dgx-h100'],
    })
    const result = simulateInference(resolveSystem('dgx-h100', s), s)
    expect(result.status).toBe('outOfMemory')
    expect(result.message).toBe(
      'out of memory: weights need 13.5 GB and the KV cache of 64 × 4096 tokens 137.4 GB; 1 × 80 GB of HBM, 90% usable (72.0 GB), holds the weights and the KV cache of at most 27 sequences of 4096 tokens',
    )
    expect(result.memory.kvCapacity).toMatchObject({ tokens: 111_624, batchAtContext: 27 })
    expect(result.metrics).toBeNull()
  })

  it('makes a memory-bound decode step faster exactly as memory efficiency rises', () => {
    const base = scenario({ systemOverrides: { 'sn40l-node': bareRoofline } })
    const faster = scenario({ systemOverrides: { 'sn40l-node': { ...bareRoofline, memoryEfficiency: 1 } } })
    const slow = simulateInference(resolveSystem('sn40l-node', base), base).decode!.seconds
    const fast = simulateInference(resolveSystem('sn40l-node', faster), faster).decode!.seconds
    // all memory-bound: time scales with 0.85 / 1
    expect(fast / slow).toBeCloseTo(0.85, 10)
  })
})

describe('the roofline points of a phase', () => {
  it('give each operator one chip’s share, so attained FLOP/s never exceeds the roof', () => {
    const s = scenario()
    for (const id of s.systems) {
      const result = simulateInference(resolveSystem(id, s), s)
      for (const op of [...result.decode!.operators, ...result.prefill!.operators]) {
        if (op.seconds === 0) continue
        expect(op.flops / op.seconds).toBeLessThanOrEqual(result.achievablePerChip.flopsPerSecond * (1 + 1e-9))
        expect(op.bytes / op.seconds).toBeLessThanOrEqual(result.achievablePerChip.bytesPerSecond * (1 + 1e-9))
      }
    }
  })
})
