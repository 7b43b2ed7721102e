import { describe, expect, it } from 'vitest'
import { forwardOperators, kvCacheBytesPerSequence, trainingOperators } from '../../../../../main/sim/models/operators'
import { llama2_7b } from '../../../../../main/sim/models/presets/llama2'
import { parameterCount } from '../../../../../main/sim/models/schema'

// Llama-2-7B: h = 4096, 32 heads of 128, 32 KV heads, ffn 11008, vocab 32000, BF16 (2 bytes).
const decodeStep = forwardOperators(llama2_7b, { batch: 1, newTokens: 1, pastTokens: 127, logitTokens: 1 }, 2)
const byName = (name: string) => decodeStep.find((op) => op.name === name)!

describe('forwardOperators, Llama-2-7B decode step at batch 1 after 127 tokens', () => {
  it.each([
    // qkv: 2 * 1 * 1 * 4096 * (4096 + 2 * 4096) = 2 * 4096 * 12288
    ['qkv_proj', 'flops', 100_663_296],
    // qkv weights: 4096 * 12288 * 2 bytes
    ['qkv_proj', 'weightBytes', 100_663_296],
    // qkv reads x (4096 elements) and writes Q (4096), 2 bytes each
    ['qkv_proj', 'inputBytes', 8_192],
    ['qkv_proj', 'outputBytes', 8_192],
    // ...and appends the new K and V rows to the cache: 2 * 4096 * 2 bytes
    ['qkv_proj', 'kvBytes', 16_384],
    // pairs = 32 heads * (127 past + 1 new) = 4096; scores = 2 * 4096 * 128
    ['attn_scores', 'flops', 1_048_576],
    // K rows: 128 tokens * 4096 * 2 bytes
    ['attn_scores', 'kvBytes', 1_048_576],
    // Q read 4096 * 2; scores written 4096 * 2
    ['attn_scores', 'inputBytes', 8_192],
    ['attn_scores', 'outputBytes', 8_192],
    // softmax: 5 FLOPs per score, 4096 scores
    ['softmax', 'flops', 20_480],
    // gated MLP up: 2 * 4096 * (2 * 11008)
    ['mlp_up', 'flops', 180_355_072],
    // down: 11008 * 4096 * 2 bytes
    ['mlp_down', 'weightBytes', 90_177_536],
    // lm head: 2 * 4096 * 32000
    ['lm_head', 'flops', 262_144_000],
    // embedding: one gathered row of 4096 BF16 values
    ['embedding', 'weightBytes', 8_192],
  ] as const)('%s %s = %d', (name, field, expected) => {
    expect(byName(name)[field]).toBe(expected)
  })

  it('repeats per-layer operators once per layer and the head once', () => {
    expect(byName('qkv_proj').repeat).toBe(32)
    expect(byName('lm_head').repeat).toBe(1)
  })

  it('charges the LM head for every prompt token when logits are wanted for all', () => {
    const all = forwardOperators(llama2_7b, { batch: 2, newTokens: 10, pastTokens: 0, logitTokens: 10 }, 2)
    // 2 * batch 2 * 10 tokens * 4096 * 32000
    expect(all.find((op) => op.name === 'lm_head')!.flops).toBe(5_242_880_000)
  })

  it('counts causal attention pairs in prefill: 4 new tokens see 1 + 2 + 3 + 4 positions', () => {
    const prefill = forwardOperators(llama2_7b, { batch: 1, newTokens: 4, pastTokens: 0, logitTokens: 1 }, 2)
    // pairs = 32 heads * 10 = 320; scores = 2 * 320 * 128
    expect(prefill.find((op) => op.name === 'attn_scores')!.flops).toBe(81_920)
  })
})

describe('Llama-2-7B size', () => {
  it('has 6.74 B parameters, as its model card says', () => {
    // 32 * (4 * 4096^2 + 3 * 4096 * 11008 + 2 * 4096) + 2 * 32000 * 4096 + 4096
    expect(parameterCount(llama2_7b)).toBe(6_738_415_616)
  })

  it('holds 0.5 MiB of KV cache per token', () => {
    // 2 (K, V) * 32 layers * 4096 * 2 bytes = 524288 bytes per token
    expect(kvCacheBytesPerSequence(llama2_7b, 1, 2)).toBe(524_288)
  })
})

describe('model variants', () => {
  it('drops rotary for ALiBi models and one norm and one residual for parallel blocks', async () => {
    const { MODEL_PRESETS } = await import('../../../../../main/sim/models/presets')
    const names = (id: keyof typeof MODEL_PRESETS) =>
      forwardOperators(MODEL_PRESETS[id], { batch: 1, newTokens: 1, pastTokens: 0, logitTokens: 1 }, 2).map(
        (op) => op.name,
      )
    expect(names('bloom-176b')).not.toContain('rotary')
    expect(names('falcon-40b')).not.toContain('mlp_norm')
    expect(names('falcon-40b')).not.toContain('attn_residual')
    expect(names('llama2-7b')).toContain('mlp_norm')
  })

  it('streams and multiplies only the non-zero weights of a sparse model', async () => {
    const { MODEL_PRESETS } = await import('../../../../../main/sim/models/presets')
    const shape = { batch: 1, newTokens: 1, pastTokens: 0, logitTokens: 1 }
    const dense = forwardOperators(MODEL_PRESETS['llama2-13b'], shape, 2).find((op) => op.name === 'mlp_down')!
    const sparse = forwardOperators(MODEL_PRESETS['sparsegpt-13b'], shape, 2).find((op) => op.name === 'mlp_down')!
    // 87.5% sparse: 1/8 of the weights and FLOPs
    expect(sparse.weightBytes).toBe(dense.weightBytes / 8)
    expect(sparse.flops).toBe(dense.flops / 8)
  })

  it('makes a training step of forward, backward and an optimizer update', () => {
    const ops = trainingOperators(llama2_7b, 1, 16, 2, 1000)
    const forward = ops.find((op) => op.name === 'mlp_down')!
    const backward = ops.find((op) => op.name === 'mlp_down_backward')!
    // input and weight gradients: twice the forward FLOPs; weights read again and gradients written
    expect(backward.flops).toBe(2 * forward.flops)
    expect(backward.weightBytes).toBe(2 * forward.weightBytes)
    // AdamW: 10 FLOPs and 14 + 14 bytes per parameter
    expect(ops.at(-1)).toMatchObject({ name: 'optimizer', flops: 10_000, weightBytes: 14_000, outputBytes: 14_000 })
  })
})

describe('forwardOperators across architectures, one decode step at batch 1 after 1023 tokens', () => {
  it.each([
    // Llama 3.1 8B, GQA: KV width = 8 heads * 128 = 1024; QKV = 2 * 4096 * (4096 + 2 * 1024)
    ['llama3.1-8b', 'qkv_proj', 'flops', 50_331_648],
    // ...its K rows read: 1024 tokens * 1024 * 2 bytes
    ['llama3.1-8b', 'attn_scores', 'kvBytes', 2_097_152],
    // Falcon 40B, plain GELU MLP: up = 2 * 8192 * 32768
    ['falcon-40b', 'mlp_up', 'flops', 536_870_912],
    // ...GELU at 8 FLOPs per element: 8 * 32768
    ['falcon-40b', 'mlp_activation', 'flops', 262_144],
    // BLOOM 176B: 112 heads of 128, MHA; scores = 2 * 112 * 1024 pairs * 128
    ['bloom-176b', 'attn_scores', 'flops', 29_360_128],
    // ...LM head over a 250,880-token vocabulary: 2 * 14336 * 250880
    ['bloom-176b', 'lm_head', 'flops', 7_193_231_360],
  ] as const)('%s %s %s = %d', async (id, name, field, expected) => {
    const { MODEL_PRESETS } = await import('../../../../../main/sim/models/presets')
    const ops = forwardOperators(MODEL_PRESETS[id], { batch: 1, newTokens: 1, pastTokens: 1023, logitTokens: 1 }, 2)
    expect(ops.find((op) => op.name === name)![field]).toBe(expected)
  })
})
