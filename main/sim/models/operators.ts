import type { ModelSpec } from './schema'

export type OperatorKind = 'matmul' | 'attention' | 'elementwise' | 'norm' | 'embedding'

/**
 * One operator of a forward pass, as an unfused kernel sees it: `activationBytes` counts every
 * input read from and output written to memory, `kvBytes` the KV cache read (and written).
 * Figures are per instance; `repeat` instances run per forward pass (the layer count for
 * per-layer operators).
 */
export interface Operator {
  name: string
  kind: OperatorKind
  repeat: number
  flops: number
  weightBytes: number
  activationBytes: number
  kvBytes: number
}

/** The tokens one forward pass processes. */
export interface ForwardShape {
  batch: number
  /** Tokens processed now: the prompt in prefill, 1 in a decode step. */
  newTokens: number
  /** Tokens already in the KV cache. */
  pastTokens: number
  /** Tokens whose logits are computed (1 when only the last prompt token needs them). */
  logitTokens: number
}

interface Dims {
  b: number
  t: number
  e: number
  h: number
  headDim: number
  kvWidth: number
  f: number
}

function attentionOperators(model: ModelSpec, shape: ForwardShape, d: Dims, layers: number): Operator[] {
  const { b, t, e, h, headDim, kvWidth } = d
  // Causal attention: new token i sees the past plus itself and the new tokens before it.
  const pairs = b * model.heads.value * (t * shape.pastTokens + (t * (t + 1)) / 2)
  const kvRowsBytes = b * (shape.pastTokens + t) * kvWidth * e
  return [
    {
      name: 'rotary',
      kind: 'elementwise',
      repeat: layers,
      flops: 3 * b * t * (h + kvWidth),
      weightBytes: 0,
      activationBytes: 2 * b * t * (h + kvWidth) * e,
      kvBytes: 0,
    },
    {
      name: 'attn_scores',
      kind: 'attention',
      repeat: layers,
      flops: 2 * pairs * headDim,
      weightBytes: 0,
      activationBytes: b * t * h * e + pairs * e,
      kvBytes: kvRowsBytes,
    },
    {
      name: 'softmax',
      kind: 'elementwise',
      repeat: layers,
      flops: 5 * pairs,
      weightBytes: 0,
      activationBytes: 2 * pairs * e,
      kvBytes: 0,
    },
    {
      name: 'attn_values',
      kind: 'attention',
      repeat: layers,
      flops: 2 * pairs * headDim,
      weightBytes: 0,
      activationBytes: pairs * e + b * t * h * e,
      kvBytes: kvRowsBytes,
    },
  ]
}

function mlpOperators(model: ModelSpec, d: Dims, layers: number): Operator[] {
  const { b, t, e, h, f } = d
  const upWidth = model.mlp === 'gated' ? 2 * f : f
  const activationFlopsPerElement = model.mlp === 'gated' ? 5 /* silu + multiply */ : 8 /* gelu, tanh form */
  const activationReads = model.mlp === 'gated' ? 2 : 1
  return [
    {
      name: 'mlp_up',
      kind: 'matmul',
      repeat: layers,
      flops: 2 * b * t * h * upWidth,
      weightBytes: h * upWidth * e,
      activationBytes: b * t * (h + upWidth) * e,
      kvBytes: 0,
    },
    {
      name: 'mlp_activation',
      kind: 'elementwise',
      repeat: layers,
      flops: activationFlopsPerElement * b * t * f,
      weightBytes: 0,
      activationBytes: (activationReads + 1) * b * t * f * e,
      kvBytes: 0,
    },
    {
      name: 'mlp_down',
      kind: 'matmul',
      repeat: layers,
      flops: 2 * b * t * f * h,
      weightBytes: f * h * e,
      activationBytes: b * t * (f + h) * e,
      kvBytes: 0,
    },
  ]
}

/**
 * The operators of one forward pass of `model` at `shape`, with `bytesPerElement` for weights,
 * activations and KV cache alike. Norms count 4 FLOPs per element (square, sum, scale, weight).
 */
export function forwardOperators(model: ModelSpec, shape: ForwardShape, bytesPerElement: number): Operator[] {
  const h = model.hidden.value
  const headDim = h / model.heads.value
  const d: Dims = {
    b: shape.batch,
    t: shape.newTokens,
    e: bytesPerElement,
    h,
    headDim,
    kvWidth: model.kvHeads.value * headDim,
    f: model.ffn.value,
  }
  const { b, t, e, kvWidth } = d
  const layers = model.layers.value
  const lt = shape.logitTokens
  const vocab = model.vocab.value
  const norm = (name: string, rows: number, repeat: number): Operator => ({
    name,
    kind: 'norm',
    repeat,
    flops: 4 * rows * h,
    weightBytes: h * e,
    activationBytes: 2 * rows * h * e,
    kvBytes: 0,
  })
  const residual = (name: string): Operator => ({
    name,
    kind: 'elementwise',
    repeat: layers,
    flops: b * t * h,
    weightBytes: 0,
    activationBytes: 3 * b * t * h * e,
    kvBytes: 0,
  })
  return [
    {
      name: 'embedding',
      kind: 'embedding',
      repeat: 1,
      flops: 0,
      weightBytes: b * t * h * e,
      activationBytes: b * t * h * e,
      kvBytes: 0,
    },
    norm('attn_norm', b * t, layers),
    {
      name: 'qkv_proj',
      kind: 'matmul',
      repeat: layers,
      flops: 2 * b * t * h * (h + 2 * kvWidth),
      weightBytes: h * (h + 2 * kvWidth) * e,
      activationBytes: b * t * (2 * h + 2 * kvWidth) * e,
      kvBytes: 0,
    },
    ...attentionOperators(model, shape, d, layers),
    {
      name: 'o_proj',
      kind: 'matmul',
      repeat: layers,
      flops: 2 * b * t * h * h,
      weightBytes: h * h * e,
      activationBytes: 2 * b * t * h * e,
      kvBytes: 0,
    },
    residual('attn_residual'),
    norm('mlp_norm', b * t, layers),
    ...mlpOperators(model, d, layers),
    residual('mlp_residual'),
    norm('final_norm', b * lt, 1),
    {
      name: 'lm_head',
      kind: 'matmul',
      repeat: 1,
      flops: 2 * b * lt * h * vocab,
      weightBytes: h * vocab * e,
      activationBytes: b * lt * (h + vocab) * e,
      kvBytes: 0,
    },
  ]
}

/** Bytes of KV cache one sequence of `tokens` tokens holds. */
export function kvCacheBytesPerSequence(model: ModelSpec, tokens: number, bytesPerElement: number): number {
  const headDim = model.hidden.value / model.heads.value
  return 2 /* K and V */ * model.layers.value * model.kvHeads.value * headDim * tokens * bytesPerElement
}
