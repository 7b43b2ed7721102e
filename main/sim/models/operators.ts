import type { ModelSpec } from './schema'

export type OperatorKind = 'matmul' | 'attention' | 'elementwise' | 'norm' | 'embedding' | 'optimizer'

/**
 * One operator of a pass over the model, as an unfused kernel sees it. Figures are per instance
 * and for the whole model width (before tensor parallelism splits it); `repeat` instances run
 * per pass (the layer count for per-layer operators).
 */
export interface Operator {
  name: string
  kind: OperatorKind
  repeat: number
  flops: number
  weightBytes: number
  /** Activations read from memory, and written, when the operator is a kernel of its own. */
  inputBytes: number
  outputBytes: number
  /** KV cache read and written. */
  kvBytes: number
  /** Split across tensor-parallel chips (matmuls, attention heads); false: each chip does it whole. */
  split: boolean
  /** The kernel a current GPU stack runs it in (FlashAttention, GEMMs with fused epilogues). */
  gpuKernel: string
  /**
   * Kernels PyTorch eager mode launches for it, counted by hand in the Hugging Face Llama code:
   * per layer 2 norms × 8, Q/K/V 3, RoPE with cos/sin gathers and the KV-cache appends 14,
   * scores 3, softmax 3, PV and its transpose 2, O 1, two residual adds, gate/up/SiLU/multiply/down 5.
   */
  eagerKernels: number
  /** Bytes a fused kernel still moves because training keeps them: saved activations written, then read. */
  savedBytes: number
  /** How many ways the KV cache can be split: the KV heads (replicated beyond that). */
  kvShards: number
  /** The dataflow kernel a per-layer operator joins: forward and backward layers are separate kernels. */
  layerKernel: string
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
  rows: number // batch × new tokens
  e: number
  h: number
  headDim: number
  kvWidth: number
  f: number
  layers: number
  density: number // 1 − weight sparsity: stored, streamed and multiplied weights
  kvShards: number
}

type Op = Operator

function attentionOperators(model: ModelSpec, shape: ForwardShape, d: Dims): Op[] {
  const { rows, e, h, headDim, kvWidth, layers, kvShards } = d
  const t = shape.newTokens
  // Causal attention: new token i sees the past plus itself and the new tokens before it.
  const pairs = shape.batch * model.heads.value * (t * shape.pastTokens + (t * (t + 1)) / 2)
  const kvRows = shape.batch * (shape.pastTokens + t) * kvWidth * e
  const ops: Op[] = []
  if (model.rotary) {
    const rotated = rows * (h + kvWidth) * e
    ops.push({
      name: 'rotary',
      kind: 'elementwise',
      repeat: layers,
      flops: 3 * rows * (h + kvWidth),
      weightBytes: 0,
      inputBytes: rotated,
      outputBytes: rotated,
      kvBytes: 0,
      split: true,
      gpuKernel: 'attention',
      eagerKernels: 14,
      savedBytes: 0,
      kvShards,
      layerKernel: 'decoder_layer',
    })
  }
  ops.push(
    {
      name: 'attn_scores',
      kind: 'attention',
      repeat: layers,
      flops: 2 * pairs * headDim,
      weightBytes: 0,
      inputBytes: rows * h * e,
      outputBytes: pairs * e,
      kvBytes: kvRows,
      split: true,
      gpuKernel: 'attention',
      eagerKernels: 3,
      savedBytes: 0,
      kvShards,
      layerKernel: 'decoder_layer',
    },
    {
      name: 'softmax',
      kind: 'elementwise',
      repeat: layers,
      flops: 5 * pairs,
      weightBytes: 0,
      inputBytes: pairs * e,
      outputBytes: pairs * e,
      kvBytes: 0,
      split: true,
      gpuKernel: 'attention',
      eagerKernels: 3, // cast to fp32, softmax, cast back
      savedBytes: 0,
      kvShards,
      layerKernel: 'decoder_layer',
    },
    {
      name: 'attn_values',
      kind: 'attention',
      repeat: layers,
      flops: 2 * pairs * headDim,
      weightBytes: 0,
      inputBytes: pairs * e,
      outputBytes: rows * h * e,
      kvBytes: kvRows,
      split: true,
      gpuKernel: 'attention',
      eagerKernels: 2,
      savedBytes: 0,
      kvShards,
      layerKernel: 'decoder_layer',
    },
  )
  return ops
}

function mlpOperators(model: ModelSpec, d: Dims): Op[] {
  const { rows, e, h, f, layers, density, kvShards } = d
  const gated = model.mlp === 'gated'
  const upWidth = gated ? 2 * f : f
  return [
    {
      name: 'mlp_up',
      kind: 'matmul',
      repeat: layers,
      flops: 2 * rows * h * upWidth * density,
      weightBytes: h * upWidth * e * density,
      inputBytes: rows * h * e,
      outputBytes: rows * upWidth * e,
      kvBytes: 0,
      split: true,
      gpuKernel: 'mlp_up',
      eagerKernels: gated ? 2 : 1,
      savedBytes: 0,
      kvShards,
      layerKernel: 'decoder_layer',
    },
    // SiLU(gate) × up: 5 FLOPs per element; GELU (tanh form): 8.
    {
      name: 'mlp_activation',
      kind: 'elementwise',
      repeat: layers,
      flops: (gated ? 5 : 8) * rows * f,
      weightBytes: 0,
      inputBytes: rows * upWidth * e,
      outputBytes: rows * f * e,
      kvBytes: 0,
      split: true,
      gpuKernel: 'mlp_up',
      eagerKernels: gated ? 2 : 1,
      savedBytes: 0,
      kvShards,
      layerKernel: 'decoder_layer',
    },
    {
      name: 'mlp_down',
      kind: 'matmul',
      repeat: layers,
      flops: 2 * rows * f * h * density,
      weightBytes: f * h * e * density,
      inputBytes: rows * f * e,
      outputBytes: rows * h * e,
      kvBytes: 0,
      split: true,
      gpuKernel: 'mlp_down',
      eagerKernels: 1,
      savedBytes: 0,
      kvShards,
      layerKernel: 'decoder_layer',
    },
  ]
}

/**
 * The operators of one forward pass of `model` at `shape`, `bytesPerElement` for weights,
 * activations and KV cache alike, in execution order. Norms count 4 FLOPs per element (square,
 * sum, scale, weight). Sparse weights are stored, streamed and multiplied as non-zeros only.
 */
export function forwardOperators(model: ModelSpec, shape: ForwardShape, bytesPerElement: number): Operator[] {
  const h = model.hidden.value
  const headDim = h / model.heads.value
  const layers = model.layers.value
  const rows = shape.batch * shape.newTokens
  const e = bytesPerElement
  const d: Dims = {
    rows,
    e,
    h,
    headDim,
    kvWidth: model.kvHeads.value * headDim,
    f: model.ffn.value,
    layers,
    density: 1 - model.weightSparsity.value,
    kvShards: model.kvHeads.value,
  }
  const vector = rows * h * e
  const { kvShards } = d
  const norm = (name: string, gpuKernel: string, normRows = rows, repeat = layers): Op => ({
    name,
    kind: 'norm',
    repeat,
    flops: 4 * normRows * h,
    weightBytes: h * e,
    inputBytes: normRows * h * e,
    outputBytes: normRows * h * e,
    kvBytes: 0,
    split: false,
    gpuKernel,
    eagerKernels: 8, // cast to fp32, pow, mean, add eps, rsqrt, multiply, cast back, weight
    savedBytes: 0,
    kvShards,
    layerKernel: 'decoder_layer',
  })
  const residual = (name: string, gpuKernel: string): Op => ({
    name,
    kind: 'elementwise',
    repeat: layers,
    flops: rows * h,
    weightBytes: 0,
    inputBytes: 2 * vector,
    outputBytes: vector,
    kvBytes: 0,
    split: false,
    gpuKernel,
    eagerKernels: 1,
    savedBytes: 0,
    kvShards,
    layerKernel: 'decoder_layer',
  })
  const qkvWidth = h + 2 * d.kvWidth
  const lt = shape.batch * shape.logitTokens
  const vocab = model.vocab.value
  return [
    {
      name: 'embedding',
      kind: 'embedding',
      repeat: 1,
      flops: 0,
      weightBytes: vector,
      inputBytes: 0,
      outputBytes: vector,
      kvBytes: 0,
      split: false,
      gpuKernel: 'embedding',
      eagerKernels: 1,
      savedBytes: 0,
      kvShards,
      layerKernel: 'decoder_layer',
    },
    norm('attn_norm', 'attn_norm'),
    // Q, K and V; the new K and V rows are written to the cache.
    {
      name: 'qkv_proj',
      kind: 'matmul',
      repeat: layers,
      flops: 2 * rows * h * qkvWidth * d.density,
      weightBytes: h * qkvWidth * e * d.density,
      inputBytes: vector,
      outputBytes: vector,
      kvBytes: 2 * rows * d.kvWidth * e,
      split: true,
      gpuKernel: 'qkv',
      eagerKernels: 3,
      savedBytes: 0,
      kvShards,
      layerKernel: 'decoder_layer',
    },
    ...attentionOperators(model, shape, d),
    {
      name: 'o_proj',
      kind: 'matmul',
      repeat: layers,
      flops: 2 * rows * h * h * d.density,
      weightBytes: h * h * e * d.density,
      inputBytes: vector,
      outputBytes: vector,
      kvBytes: 0,
      split: true,
      gpuKernel: 'o_proj',
      eagerKernels: 1,
      savedBytes: 0,
      kvShards,
      layerKernel: 'decoder_layer',
    },
    ...(model.parallelBlocks ? [] : [residual('attn_residual', 'post_attn'), norm('mlp_norm', 'post_attn')]),
    ...mlpOperators(model, d),
    residual('mlp_residual', 'post_mlp'),
    norm('final_norm', 'final_norm', lt, 1),
    {
      name: 'lm_head',
      kind: 'matmul',
      repeat: 1,
      flops: 2 * lt * h * vocab,
      weightBytes: h * vocab * e,
      inputBytes: lt * h * e,
      outputBytes: lt * vocab * e,
      kvBytes: 0,
      split: true,
      gpuKernel: 'lm_head',
      eagerKernels: 1,
      savedBytes: 0,
      kvShards,
      layerKernel: 'decoder_layer',
    },
  ]
}

/**
 * A training step's operators: the forward pass, keeping every activation for the backward
 * pass (a fused kernel still writes them); each operator's backward in reverse (matmuls twice the
 * FLOPs, for input and weight gradients; weights read again and their gradients written; the
 * saved input and the upstream gradient read, the input gradient written); an AdamW update of
 * every stored parameter (fp32 master weights and two moments: 14 bytes read and 14 written,
 * ~10 FLOPs, per parameter). Forward and backward layers are separate dataflow kernels.
 */
export function trainingOperators(
  model: ModelSpec,
  batch: number,
  sequence: number,
  bytesPerElement: number,
  parameters: number,
): Operator[] {
  const shape = { batch, newTokens: sequence, pastTokens: 0, logitTokens: sequence }
  const forward = forwardOperators(model, shape, bytesPerElement).map((f): Op => ({ ...f, savedBytes: f.outputBytes }))
  const backward = [...forward].reverse().map((f): Op => ({
    ...f,
    name: `${f.name}_backward`,
    flops: f.kind === 'matmul' || f.kind === 'attention' ? 2 * f.flops : f.flops,
    weightBytes: 2 * f.weightBytes,
    inputBytes: f.inputBytes + f.outputBytes,
    outputBytes: f.inputBytes,
    kvBytes: 2 * f.kvBytes,
    eagerKernels: 2 * f.eagerKernels,
    savedBytes: f.inputBytes,
    gpuKernel: `${f.gpuKernel}_backward`,
    layerKernel: 'decoder_layer_backward',
  }))
  const optimizer: Op = {
    name: 'optimizer',
    kind: 'optimizer',
    repeat: 1,
    flops: 10 * parameters,
    weightBytes: 14 * parameters,
    inputBytes: 0,
    outputBytes: 14 * parameters,
    kvBytes: 0,
    split: true,
    gpuKernel: 'optimizer',
    eagerKernels: 1,
    savedBytes: 0,
    kvShards: model.kvHeads.value,
    layerKernel: 'optimizer',
  }
  return [...forward, ...backward, optimizer]
}

/**
 * How many copies of the KV cache `chips` tensor-parallel chips hold: one while the KV heads can
 * be split among them, more once there are more chips than KV heads (GQA, MQA).
 */
export function kvReplication(model: ModelSpec, chips: number): number {
  return Math.max(1, chips / model.kvHeads.value)
}

/** Bytes of KV cache one sequence of `tokens` tokens holds. */
export function kvCacheBytesPerSequence(model: ModelSpec, tokens: number, bytesPerElement: number): number {
  const headDim = model.hidden.value / model.heads.value
  return 2 /* K and V */ * model.layers.value * model.kvHeads.value * headDim * tokens * bytesPerElement
}
