import { describe, expect, it } from 'vitest'
import { MODEL_PRESETS, MODEL_PRESET_IDS, type ModelPresetId } from '../../../../../main/sim/models/presets'
import { ModelSpecSchema, parameterCount } from '../../../../../main/sim/models/schema'
import type { Quantity } from '../../../../../main/sim/quantity'

const quantities = (model: object): Quantity[] =>
  Object.values(model).filter((field): field is Quantity => typeof field === 'object' && 'source' in field)

describe.each(Object.entries(MODEL_PRESETS))('model preset %s', (id, model) => {
  it('satisfies the model schema under its own id', () => {
    expect(ModelSpecSchema.parse(model).id).toBe(id)
  })

  it('cites its model card for every number', () => {
    const all = quantities(model)
    // layers, hidden, heads, kvHeads, ffn, vocab, contextWindow, weightSparsity
    expect(all).toHaveLength(8)
    for (const quantity of all) expect(quantity.source).toMatch(/config\.json|model card/i)
  })
})

// Formula (schema.ts): layers * (2h^2 + 2h*kvWidth + mlp * h * ffn + norms * h) + vocab * h * (1 or 2) + h,
// with kvWidth = kvHeads * h / heads, mlp = 3 gated or 2 plain, norms = 1 parallel or 2 sequential.
// It ignores biases and LayerNorm betas, so it is exact for the Llama family and Mistral (no biases,
// RMSNorm) and short for BLOOM and Falcon.
const sizes: [id: ModelPresetId, formula: number, published: number, tolerance: number][] = [
  // 32 * (4 * 4096^2 + 3 * 4096 * 11008 + 2 * 4096) + 2 * 32000 * 4096 + 4096
  // = 32 * 202,383,360 + 262,144,000 + 4096
  ['llama2-7b', 6_738_415_616, 6_738_415_616, 0],
  // 40 * (4 * 5120^2 + 3 * 5120 * 13824 + 2 * 5120) + 2 * 32000 * 5120 + 5120
  // = 40 * (104,857,600 + 212,336,640 + 10,240) + 327,680,000 + 5120 = 12,688,179,200 + 327,685,120
  ['llama2-13b', 13_015_864_320, 13_015_864_320, 0],
  // kvWidth 8 * 128 = 1024: 80 * (2 * 8192^2 + 2 * 8192 * 1024 + 3 * 8192 * 28672 + 2 * 8192)
  // = 80 * (134,217,728 + 16,777,216 + 704,643,072 + 16,384) = 68,452,352,000; + 2 * 32000 * 8192 + 8192
  ['llama2-70b', 68_976_648_192, 68_976_648_192, 0],
  // kvWidth 8 * 128 = 1024: 32 * (2 * 4096^2 + 2 * 4096 * 1024 + 3 * 4096 * 14336 + 2 * 4096)
  // = 32 * (33,554,432 + 8,388,608 + 176,160,768 + 8192) = 6,979,584,000; + 2 * 32000 * 4096 + 4096
  ['mistral-7b', 7_241_732_096, 7_241_732_096, 0],
  // Llama-2-7B shapes; the card's 7.06 B adds the CLIP ViT-L/336 tower and projector, not modelled.
  ['llava1.5-7b', 6_738_415_616, 6_738_415_616, 0],
  // Mistral's 6,979,584,000 of layers + 2 * 128256 * 4096 (1,050,673,152) + 4096
  ['llama3.1-8b', 8_030_261_248, 8_030_261_248, 0],
  // Llama-2-70B's 68,452,352,000 of layers + 2 * 128256 * 8192 (2,101,346,304) + 8192
  ['llama3.1-70b', 70_553_706_496, 70_553_706_496, 0],
  // kvWidth 8 * 128 = 1024: 126 * (2 * 16384^2 + 2 * 16384 * 1024 + 3 * 16384 * 53248 + 2 * 16384)
  // = 126 * (536,870,912 + 33,554,432 + 2,617,245,696 + 32,768) = 401,650,679,808
  // + 2 * 128256 * 16384 (4,202,692,608) + 16384
  ['llama3.1-405b', 405_853_388_800, 405_853_388_800, 0],
  // kvWidth 8 * 64 = 512, one norm counted: 60 * (2 * 8192^2 + 2 * 8192 * 512 + 2 * 8192 * 32768 + 8192)
  // = 60 * (134,217,728 + 8,388,608 + 536,870,912 + 8192) = 40,769,126,400; + 65024 * 8192 tied + 8192.
  // Hugging Face lists 41.8 B: it counts the LM head apart from the tied embeddings (+532,676,608) and the
  // two LayerNorms (weight and bias) per layer that the formula counts as one h; 1.2 % apart in all.
  ['falcon-40b', 41_301_811_200, 41.8e9, 0.02],
  // 70 * (4 * 14336^2 + 2 * 14336 * 57344 + 2 * 14336) = 70 * 2,466,279,424 = 172,639,559,680
  // + 250880 * 14336 tied (3,596,615,680) + 14336. The card's 176,247,271,424 is 11,081,728 more:
  // 70 * 11 * 14336 for the QKV, dense and MLP biases and the LayerNorm betas, and 3 * 14336 for the
  // embedding LayerNorm and the final LayerNorm bias.
  ['bloom-176b', 176_236_189_696, 176_247_271_424, 0.01],
  // Pruning zeroes weights without changing shapes: the dense Llama-2-13B count.
  ['sparsegpt-13b', 13_015_864_320, 13_015_864_320, 0],
]

describe('parameter counts against the published sizes', () => {
  it('covers every preset', () => {
    expect(sizes.map(([id]) => id).sort()).toEqual([...MODEL_PRESET_IDS].sort())
  })

  it.each(sizes)('%s: %d parameters by the formula', (id, formula, published, tolerance) => {
    const count = parameterCount(MODEL_PRESETS[id])
    expect(count).toBe(formula)
    expect(Math.abs(count - published) / published).toBeLessThanOrEqual(tolerance)
  })
})

describe('attention kind', () => {
  const grouped: ModelPresetId[] = [
    'llama2-70b',
    'mistral-7b',
    'falcon-40b',
    'llama3.1-8b',
    'llama3.1-70b',
    'llama3.1-405b',
  ]

  it.each(MODEL_PRESET_IDS)('%s', (id) => {
    const { heads, kvHeads } = MODEL_PRESETS[id]
    if (grouped.includes(id)) expect(kvHeads.value).toBeLessThan(heads.value)
    else expect(kvHeads.value).toBe(heads.value)
  })
})
