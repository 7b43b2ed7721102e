import { describe, expect, it } from 'vitest'
import { resolveSpec, resolveSystem } from '../../../../../main/sim/assumptions'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import { MODEL_PRESETS } from '../../../../../main/sim/models/presets'
import { simulateInference } from '../../../../../main/sim/perf/inference'
import { HBM_USABLE_FRACTION } from '../../../../../main/sim/hardware/overridableFigures'
import { kvCapacity, outOfMemoryMessage } from '../../../../../main/sim/perf/kvCapacity'
import type { Precision } from '../../../../../main/sim/precision'
import { ScenarioSchema, type ScenarioInput } from '../../../../../main/sim/scenario/schema'

const llama70b = MODEL_PRESETS['llama2-70b']

function scenario(
  workload: Partial<ScenarioInput['workload']>,
  systemOverrides: ScenarioInput['systemOverrides'] = {},
) {
  return ScenarioSchema.parse({
    name: 'kv capacity',
    systems: ['dgx-h100'],
    workload: { model: 'llama2-70b', batch: 8, promptTokens: 2048, outputTokens: 128, ...workload },
    systemOverrides,
  })
}

const h100 = (precision: Precision = 'bf16') => resolveSystem('dgx-h100', scenario({ precision }))

describe('kvCapacity', () => {
  it('is an ASSUMPTION of 90% of HBM for weights and KV, as vLLM’s default gpu_memory_utilization', () => {
    expect(HBM_USABLE_FRACTION.value).toBe(0.9)
    expect(HBM_USABLE_FRACTION.source).toMatch(/^ASSUMPTION: vLLM's default gpu_memory_utilization/)
  })

  it('fits 1,336,812 tokens of Llama-2-70B beside its BF16 weights on a DGX H100 at TP8', () => {
    // Weights: 68,976,648,192 parameters × 2 B = 137,953,296,384 B.
    // Usable HBM: 0.9 × 8 chips × 80e9 B = 576,000,000,000 B; left for KV: 438,046,703,616 B.
    // KV per token: 2 (K, V) × 80 layers × 8 KV heads × 128 (8192 / 64) × 2 B = 327,680 B; 8 chips
    // split the 8 KV heads, so no copy: × max(1, 8 / 8) = 1.
    // Tokens: ⌊438,046,703,616 / 327,680⌋ = ⌊1,336,812.45⌋ = 1,336,812.
    // At 2048 + 128 = 2176 tokens: ⌊1,336,812 / 2176⌋ = 614 sequences; at batch 8: ⌊1,336,812 / 8⌋ = 167,101.
    expect(kvCapacity(h100(), llama70b, { batch: 8, contextTokens: 2176 })).toEqual({
      usableBytes: 576_000_000_000,
      kvBytes: 438_046_703_616,
      bytesPerToken: 327_680,
      tokens: 1_336_812,
      contextTokens: 2176,
      batch: 8,
      batchAtContext: 614,
      contextAtBatch: 167_101,
    })
  })

  it('counts a copy of the KV heads per chip beyond them: 16 chips hold Llama-2-70B’s 8 twice', () => {
    const spec = { ...SYSTEM_PRESETS['dgx-h100'], chipCount: { value: 16, source: 'test' } }
    const system = resolveSpec(spec, scenario({}), { chips: 16 })
    // Usable: 0.9 × 16 × 80e9 = 1,152,000,000,000 B; less the weights: 1,014,046,703,616 B.
    // KV per token: 327,680 B × max(1, 16 / 8) = 655,360 B; ⌊1,014,046,703,616 / 655,360⌋ = ⌊1,547,312.48⌋.
    const capacity = kvCapacity(system, llama70b, { batch: 8, contextTokens: 2176 })
    expect(capacity.bytesPerToken).toBe(655_360)
    expect(capacity.tokens).toBe(1_547_312)
    expect(capacity.batchAtContext).toBe(711) // ⌊1,547,312 / 2176⌋
  })

  it('halves the weights and the KV per token at FP8: 3,094,624 tokens', () => {
    // 576e9 − 68,976,648,192 = 507,023,351,808 B over 163,840 B a token = 3,094,624.95.
    const capacity = kvCapacity(h100('fp8'), llama70b, { batch: 8, contextTokens: 2176 })
    expect(capacity.bytesPerToken).toBe(163_840)
    expect(capacity.tokens).toBe(3_094_624)
  })

  it('has no room at all where the weights alone do not fit', () => {
    // Llama-3.1-405B: 405,853,388,800 × 2 B = 811.7 GB against 576 GB usable.
    const capacity = kvCapacity(h100(), MODEL_PRESETS['llama3.1-405b'], { batch: 1, contextTokens: 4096 })
    expect(capacity).toMatchObject({ kvBytes: 0, tokens: 0, batchAtContext: 0, contextAtBatch: 0 })
  })
})

describe('the memory check against the KV capacity', () => {
  const run = (workload: Partial<ScenarioInput['workload']>) => {
    const s = scenario(workload)
    return simulateInference(resolveSystem('dgx-h100', s), s)
  }

  it('runs exactly the largest batch that fits and refuses one more: 326 sequences of 4096 tokens', () => {
    // ⌊1,336,812 / 4096⌋ = 326 (326 × 4096 × 327,680 B = 437.6 GB ≤ 438.0 GB; 327 sequences 438.9 GB).
    const fits = run({ batch: 326, promptTokens: 4064, outputTokens: 32 })
    expect(fits.status).toBe('ok')
    expect(fits.memory.kvCapacity?.batchAtContext).toBe(326)
    const refused = run({ batch: 327, promptTokens: 4064, outputTokens: 32 })
    expect(refused.status).toBe('outOfMemory')
    expect(refused.metrics).toBeNull()
    // The same capacity, at the larger batch: ⌊1,336,812 / 327⌋ = 4088 tokens each.
    expect(refused.memory.kvCapacity).toEqual({ ...fits.memory.kvCapacity, batch: 327, contextAtBatch: 4088 })
  })

  it('says what the weights and the KV need, in GB, and how many sequences the HBM holds', () => {
    // KV: 512 × 4096 tokens × 327,680 B = 687,194,767,360 B; weights 137,953,296,384 B.
    const result = run({ batch: 512, promptTokens: 3968, outputTokens: 128 })
    expect(result.status).toBe('outOfMemory')
    expect(result.message).toBe(
      'out of memory: weights need 138.0 GB and the KV cache of 512 × 4096 tokens 687.2 GB; 8 × 80 GB of HBM, 90% usable (576.0 GB), holds the weights and the KV cache of at most 326 sequences of 4096 tokens',
    )
  })

  it('says so where the weights alone do not fit, or not one sequence does', () => {
    const system = h100()
    const weightsOnly = kvCapacity(system, MODEL_PRESETS['llama3.1-405b'], { batch: 1, contextTokens: 4096 })
    expect(outOfMemoryMessage(system, { weightBytes: 811.7e9, kvCacheBytes: 2.1e9 }, weightsOnly)).toMatch(
      /; 8 × 80 GB of HBM, 90% usable \(576\.0 GB\), cannot hold the weights alone$/,
    )
    const noSequence = {
      ...kvCapacity(system, llama70b, { batch: 1, contextTokens: 4096 }),
      tokens: 1000,
      batchAtContext: 0,
    }
    expect(outOfMemoryMessage(system, { weightBytes: 138e9, kvCacheBytes: 1.3e9 }, noSequence)).toMatch(
      /holds the weights and the KV cache of 1000 tokens: not one sequence of 4096 tokens$/,
    )
  })
})
