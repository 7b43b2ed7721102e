import { describe, expect, it } from 'vitest'
import { forwardOperators } from '../../../../../main/sim/models/operators'
import { llama2_7b } from '../../../../../main/sim/models/presets/llama2'
import { kernelsFor } from '../../../../../main/sim/perf/kernels'

const decode = forwardOperators(llama2_7b, { batch: 1, newTokens: 1, pastTokens: 0, logitTokens: 1 }, 2)
const calls = (mode: Parameters<typeof kernelsFor>[1]) =>
  kernelsFor(decode, mode, 1).reduce((sum, k) => sum + k.calls * k.repeat, 0)

describe('kernelsFor, Llama-2-7B decode step', () => {
  it.each([
    // eager PyTorch per layer: norm 8 + qkv 3 + rotary 14 + scores 3 + softmax 3 + values 2 + o 1
    //   + residual 1 + norm 8 + gate/up 2 + SiLU*up 2 + down 1 + residual 1 = 49; once: 1 + 8 + 1 = 10
    ['unfused', 32 * 49 + 10],
    // GPU stack per layer: norm, qkv, attention, o_proj, add+norm, up+activation, down, add = 8; once 3
    ['kernelFused', 32 * 8 + 3],
    // dataflow: one kernel per decoder layer; embedding, final norm, LM head
    ['fusedHO', 32 + 3],
  ] as const)('%s runs %d kernel calls', (mode, expected) => {
    expect(calls(mode)).toBe(expected)
  })

  it('keeps a fused layer’s intermediates on chip: only its input, output, weights and KV move', () => {
    const layer = kernelsFor(decode, 'fusedHO', 1).find((k) => k.name === 'decoder_layer')!
    // x in 8,192 + x out 8,192 + weights 404,766,720 + KV: new K,V 16,384 + K read 8,192 + V read 8,192
    expect(layer.bytesPerChip).toBe(404_815_872)
    expect(layer.repeat).toBe(32)
  })

  it('splits matmuls over tensor-parallel chips but not the replicated norms', () => {
    const eight = kernelsFor(decode, 'unfused', 8)
    const one = kernelsFor(decode, 'unfused', 1)
    const find = (ks: typeof one, name: string) => ks.find((k) => k.name === name)!
    expect(find(eight, 'qkv_proj').flopsPerChip).toBe(find(one, 'qkv_proj').flopsPerChip / 8)
    expect(find(eight, 'attn_norm').bytesPerChip).toBe(find(one, 'attn_norm').bytesPerChip)
  })
})

describe('kernelsFor, training and GQA', () => {
  it('keeps forward and backward layers apart, and the LM head apart from its gradient', async () => {
    const { trainingOperators } = await import('../../../../../main/sim/models/operators')
    const names = kernelsFor(trainingOperators(llama2_7b, 1, 64, 2, 1000), 'fusedHO', 8).map((k) => k.name)
    expect(names.filter((n) => n === 'decoder_layer')).toHaveLength(1)
    expect(names.filter((n) => n === 'decoder_layer_backward')).toHaveLength(1)
    expect(names).toContain('lm_head')
    expect(names).toContain('lm_head_backward')
  })

  it('writes and reads back saved activations even inside fused training kernels', async () => {
    const { trainingOperators } = await import('../../../../../main/sim/models/operators')
    const ops = trainingOperators(llama2_7b, 1, 64, 2, 1000)
    const layer = kernelsFor(ops, 'fusedHO', 1).find((k) => k.name === 'decoder_layer')!
    const inference = kernelsFor(
      forwardOperators(llama2_7b, { batch: 1, newTokens: 64, pastTokens: 0, logitTokens: 64 }, 2),
      'fusedHO',
      1,
    ).find((k) => k.name === 'decoder_layer')!
    // the same layer, plus every per-layer operator's output written for the backward pass
    const saved = ops
      .filter((op) => op.repeat === 32 && !op.name.endsWith('_backward'))
      .reduce((sum, op) => sum + op.outputBytes, 0)
    expect(layer.bytesPerChip).toBe(inference.bytesPerChip + saved)
  })

  it('replicates KV heads once there are more chips than KV heads', async () => {
    const { MODEL_PRESETS } = await import('../../../../../main/sim/models/presets')
    const ops = forwardOperators(
      MODEL_PRESETS['llama3.1-8b'],
      { batch: 1, newTokens: 1, pastTokens: 1023, logitTokens: 1 },
      2,
    )
    const scores = ops.find((op) => op.name === 'attn_scores')!
    const at = (chips: number) => kernelsFor([scores], 'unfused', chips)[0]!.bytesPerChip
    // 8 KV heads: 16 chips hold the same K rows per chip as 8 do; only Q and the scores halve
    const kvAt8 = scores.kvBytes / 8
    expect(at(16) - kvAt8).toBeCloseTo((at(8) - kvAt8) / 2, 6)
  })
})
