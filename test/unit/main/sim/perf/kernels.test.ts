import { describe, expect, it } from 'vitest'
import { forwardOperators } from '../../../../../main/sim/models/operators'
import { llama2_7b } from '../../../../../main/sim/models/presets/llama2'
import { kernelsFor } from '../../../../../main/sim/perf/kernels'

const decode = forwardOperators(llama2_7b, { batch: 1, newTokens: 1, pastTokens: 0, logitTokens: 1 }, 2)
const calls = (mode: Parameters<typeof kernelsFor>[1]) =>
  kernelsFor(decode, mode, 1).reduce((sum, k) => sum + k.calls * k.repeat, 0)

describe('kernelsFor, Llama-2-7B decode step', () => {
  it.each([
    // eager PyTorch per layer: norm 6 + qkv 3 + rotary 14 + scores 3 + softmax 2 + values 2 + o 1
    //   + residual 1 + norm 6 + gate/up 2 + SiLU*up 2 + down 1 + residual 1 = 44; once: 1 + 6 + 1 = 8
    ['unfused', 32 * 44 + 8],
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
