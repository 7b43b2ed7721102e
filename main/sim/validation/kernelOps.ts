import * as z from 'zod'
import type { ResolvedSystem } from '../assumptions'
import { forwardOperators, type ForwardShape, type Operator } from '../models/operators'
import { MODEL_PRESETS } from '../models/presets'
import type { ModelSpec } from '../models/schema'
import { ownEntry } from '../own'
import { fusedKernel } from '../perf/kernels'
import { kernelWork } from '../perf/kernelTime'
import shipped from '../../../resources/validation/kernels/ops.json'
import { presetAt } from './presetAt'
import { q } from '../quantity'
import { VIDUR_PROFILES } from '../hardware/presets/sources'
import { summarise, type ErrorSummary, type ScoredRow } from './summary'

const PHASES = ['decode', 'prefill'] as const

/** Where a kernel was measured: the system, the model, its tensor-parallel degree and the phase. */
const MeasuredAt = z.object({
  system: z.string().min(1),
  model: z.string().min(1),
  tp: z.int().min(1),
  phase: z.enum(PHASES),
})

type MeasuredAtFields = z.infer<typeof MeasuredAt>

/** Measured kernel times (format "memwall-kernel-ops" v1, tools/importKernelOps.ts). */
export const KernelOpFileSchema = z
  .object({
    format: z.literal('memwall-kernel-ops'),
    version: z.literal(1),
    source: z.string().min(1),
    /** One operator at `tokens` tokens per pass (a decode batch, or a prefill's prompt), per chip of `tp`. */
    rows: z
      .array(MeasuredAt.extend({ tokens: z.int().min(1), op: z.string().min(1), seconds: z.number().positive() }))
      .min(1),
    /** The attention kernel: `batch` sequences of `newTokens` new tokens after `pastTokens` cached. */
    attention: z.array(
      MeasuredAt.extend({
        batch: z.int().min(1),
        newTokens: z.int().min(1),
        pastTokens: z.int().min(0),
        seconds: z.number().positive(),
      }),
    ),
  })
  .loose()

type OpRow = z.infer<typeof KernelOpFileSchema>['rows'][number]
type AttentionRow = z.infer<typeof KernelOpFileSchema>['attention'][number]

/**
 * Vidur's operator names to the model's (models/operators.ts). Vidur's mlp_up_proj is the fused
 * gate+up GEMM, as the model's mlp_up is for a gated MLP; mlp_act is SiLU(gate) × up, as is
 * mlp_activation. Vidur times one residual `add`; the model's two are alike, attn_residual stands
 * for both. `emb` is scored by operator only: it runs once per pass, not per layer. Every operator
 * of today's file maps; any other name is kept and reported unsupported, not scored.
 */
const OPERATOR: Readonly<Record<string, string>> = {
  emb: 'embedding',
  input_layernorm: 'attn_norm',
  attn_pre_proj: 'qkv_proj',
  attn_rope: 'rotary',
  attn_post_proj: 'o_proj',
  post_attention_layernorm: 'mlp_norm',
  mlp_up_proj: 'mlp_up',
  mlp_act: 'mlp_activation',
  mlp_down_proj: 'mlp_down',
  add: 'attn_residual',
}
const ONCE_PER_PASS = new Set(['emb'])
/**
 * The attention kernel's operators: gpuKernel 'attention' less RoPE, which Vidur times apart. The
 * new tokens' K and V cache writes are the model's qkv_proj bytes, not these: assumed outside
 * Vidur's attention time too.
 */
const ATTENTION = new Set(['attn_scores', 'softmax', 'attn_values'])

/** One measured operator beside the model's. */
export interface KernelOpRowResult extends MeasuredAtFields {
  /** "dgx-a100 llama2-7b TP1 mlp_down_proj × 1": system, model, TP degree, operator, tokens. */
  id: string
  tokens: number
  /** Vidur's name, and the model operator it is checked against (null: none). */
  op: string
  operator: string | null
  measured: number
  simulated: number | null
  error: number | null
  /** Why it is not scored; null when it is. */
  unsupported: string | null
}

/** One measured attention kernel beside the model's. */
export interface KernelAttentionRowResult extends MeasuredAtFields {
  /** "dgx-a100 llama2-7b TP1 attention 8 × 1 after 512": sequences × new tokens after cached ones. */
  id: string
  batch: number
  newTokens: number
  pastTokens: number
  measured: number
  simulated: number | null
  error: number | null
  unsupported: string | null
}

/**
 * One decoder layer's kernels, attention aside, at one configuration: the sum of its measured
 * operators (the residual add twice: a layer has two) beside the sum of the model's. What a
 * pass's time is made of, where each small kernel's error is a share of it.
 */
export interface KernelLayerResult extends MeasuredAtFields {
  /** "dgx-a100 llama2-7b TP1 decode × 8". */
  id: string
  tokens: number
  measured: number
  simulated: number
  error: number
}

export interface KernelOpCheck {
  source: string
  rows: KernelOpRowResult[]
  layers: KernelLayerResult[]
  attention: KernelAttentionRowResult[]
  /** `all` over the per-layer operators; then by system × model, by operator (all of them), by phase. */
  summary: {
    /** One decoder layer's kernels, attention aside: the headline; then by phase. */
    layers: ErrorSummary
    layersByPhase: Record<string, ErrorSummary>
    all: ErrorSummary
    bySystemModel: Record<string, ErrorSummary>
    byOp: Record<string, ErrorSummary>
    byPhase: Record<string, ErrorSummary>
    attention: ErrorSummary
    attentionByPhase: Record<string, ErrorSummary>
  }
}

/**
 * Operators as a kernel of their own on one chip of `tp`, through the model's kernel time; no call
 * overhead: Vidur times each operator on the GPU (CUDA timers), not its launch from the host.
 */
function kernelSeconds(name: string, ops: Operator[], system: ResolvedSystem, tp: number): number {
  const kernel = fusedKernel(name, ops, tp)
  return kernelWork(kernel.flopsPerChip, kernel.bytesPerChip, system, kernel.attentionFlopsPerChip).seconds
}

/** Vidur profiles 16-bit kernels (fp16): 2 bytes an element. */
const operatorsAt = (model: ModelSpec, shape: ForwardShape): Operator[] => forwardOperators(model, shape, 2)

function simulateOp(row: OpRow): Outcome {
  const system = presetAt(row.system, row.tp)
  if (typeof system === 'string') return { unsupported: system }
  const model = ownEntry<ModelSpec>(MODEL_PRESETS, row.model)
  if (model === undefined) return { unsupported: `model "${row.model}" is not a preset` }
  const name = ownEntry(OPERATOR, row.op)
  if (name === undefined) return { unsupported: `operator "${row.op}" has no counterpart in the model` }
  // `tokens` rows per pass: a decode batch of one new token each, or one prompt. No mapped operator
  // reads the KV cache (attention is scored apart), so the context is 0: Vidur profiles them by
  // num_tokens alone.
  const shape =
    row.phase === 'decode'
      ? { batch: row.tokens, newTokens: 1, pastTokens: 0, logitTokens: 1 }
      : { batch: 1, newTokens: row.tokens, pastTokens: 0, logitTokens: 1 }
  const op = operatorsAt(model, shape).find((candidate) => candidate.name === name)
  if (op === undefined) return { unsupported: `${row.model} has no ${name} operator` }
  return { simulated: kernelSeconds(name, [op], system, row.tp) }
}

/**
 * The profiled attention is vLLM 2024's, not the FlashAttention-class kernels NVIDIA's stacks run
 * (stacks/gpuAssumptions.ts): its own rate stands in for the stack's, so the check tests how
 * attention time scales with batch, context and new tokens.
 */
const PROFILED_ATTENTION_EFFICIENCY = q(
  0.14,
  `${VIDUR_PROFILES}: A100 Llama-2-7B prefill attention from an empty cache, 1856–2112 tokens, 42–44 TFLOP/s of the causal FLOPs, of 312`,
)

function simulateAttention(row: AttentionRow): Outcome {
  const resolved = presetAt(row.system, row.tp)
  if (typeof resolved === 'string') return { unsupported: resolved }
  const system = { ...resolved, attentionEfficiency: PROFILED_ATTENTION_EFFICIENCY.value }
  const model = ownEntry<ModelSpec>(MODEL_PRESETS, row.model)
  if (model === undefined) return { unsupported: `model "${row.model}" is not a preset` }
  const shape = { batch: row.batch, newTokens: row.newTokens, pastTokens: row.pastTokens, logitTokens: 1 }
  const ops = operatorsAt(model, shape).filter((op) => ATTENTION.has(op.name))
  return { simulated: kernelSeconds('attention', ops, system, row.tp) }
}

type Outcome = { simulated: number } | { unsupported: string }

/** A measured row beside the model's answer: seconds become `measured`, error = simulated / measured − 1. */
function scored<T extends { seconds: number }>(id: string, { seconds, ...row }: T, outcome: Outcome) {
  const simulated = 'simulated' in outcome ? outcome.simulated : null
  return {
    id,
    ...row,
    measured: seconds,
    simulated,
    error: simulated === null ? null : simulated / seconds - 1,
    unsupported: 'unsupported' in outcome ? outcome.unsupported : null,
  }
}

const opId = (row: OpRow): string => `${row.system} ${row.model} TP${row.tp} ${row.op} × ${row.tokens}`
const attentionId = (row: AttentionRow): string =>
  `${row.system} ${row.model} TP${row.tp} attention ${row.batch} × ${row.newTokens} after ${row.pastTokens}`

function groups<T extends ScoredRow>(rows: T[], key: (row: T) => string): Record<string, ErrorSummary> {
  return Object.fromEntries(
    [...new Set(rows.map(key))].map((name) => [name, summarise(rows.filter((row) => key(row) === name))]),
  )
}

/** How many times each per-layer operator runs in a decoder layer: the residual add twice. */
const PER_LAYER_COUNT: Readonly<Record<string, number>> = { add: 2 }

/** Sums each configuration's per-layer operators; a configuration missing one is left out. */
function layersOf(rows: readonly KernelOpRowResult[]): KernelLayerResult[] {
  const ops = Object.keys(OPERATOR).filter((op) => !ONCE_PER_PASS.has(op))
  const byConfiguration = new Map<string, KernelOpRowResult[]>()
  for (const row of rows) {
    if (ONCE_PER_PASS.has(row.op) || row.simulated === null) continue
    const id = `${row.system} ${row.model} TP${row.tp} ${row.phase} × ${row.tokens}`
    byConfiguration.set(id, [...(byConfiguration.get(id) ?? []), row])
  }
  return [...byConfiguration].flatMap(([id, members]) => {
    if (ops.some((op) => !members.some((row) => row.op === op))) return []
    const count = (row: KernelOpRowResult): number => PER_LAYER_COUNT[row.op] ?? 1
    const measured = members.reduce((sum, row) => sum + row.measured * count(row), 0)
    const simulated = members.reduce((sum, row) => sum + row.simulated! * count(row), 0)
    const { system, model, tp, phase, tokens } = members[0]!
    return [{ id, system, model, tp, phase, tokens, measured, simulated, error: simulated / measured - 1 }]
  })
}

/** Every measured operator and attention kernel (of the shipped set by default) against the model's, with the summary. */
export function checkKernelOps(data: unknown = shipped): KernelOpCheck {
  const file = KernelOpFileSchema.parse(data)
  const rows: KernelOpRowResult[] = file.rows.map((row) =>
    scored(opId(row), { ...row, operator: ownEntry(OPERATOR, row.op) ?? null }, simulateOp(row)),
  )
  const attention: KernelAttentionRowResult[] = file.attention.map((row) =>
    scored(attentionId(row), row, simulateAttention(row)),
  )
  const perLayer = rows.filter((row) => !ONCE_PER_PASS.has(row.op))
  const layers = layersOf(rows)
  return {
    source: file.source,
    rows,
    layers,
    attention,
    summary: {
      layers: summarise(layers),
      layersByPhase: groups(layers, (layer) => layer.phase),
      all: summarise(perLayer),
      bySystemModel: groups(perLayer, (row) => `${row.system} ${row.model}`),
      byOp: groups(rows, (row) => row.op),
      byPhase: groups(perLayer, (row) => row.phase),
      attention: summarise(attention),
      attentionByPhase: groups(attention, (row) => row.phase),
    },
  }
}
