import { z } from 'zod'
import { QuantitySchema, type Quantity } from '../quantity'

/**
 * A decoder-only transformer by its architecture, as a model card publishes it.
 * `mlp: 'gated'` is a SwiGLU-style MLP (gate, up, down projections); `'plain'` is up and down.
 */
export interface ModelSpec {
  id: string
  name: string
  layers: Quantity
  hidden: Quantity
  heads: Quantity
  /** Fewer than `heads` for grouped-query (GQA) or multi-query (MQA) attention. */
  kvHeads: Quantity
  ffn: Quantity
  vocab: Quantity
  contextWindow: Quantity
  mlp: 'gated' | 'plain'
  /** Rotary position embeddings (RoPE); false for ALiBi or learned positions. */
  rotary: boolean
  /** Attention and MLP read the same normalised input and add into one residual (Falcon, GPT-J). */
  parallelBlocks: boolean
  /** Whether the LM head shares the embedding matrix (counted once in the parameters). */
  tiedEmbeddings: boolean
  /** Fraction of the layer weights that are zero and skipped (0 for dense models). */
  weightSparsity: Quantity
}

const count = QuantitySchema.extend({ value: z.int().min(1) })

export const ModelSpecSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    name: z.string().min(1),
    layers: count,
    hidden: count,
    heads: count,
    kvHeads: count,
    ffn: count,
    vocab: count,
    contextWindow: count,
    mlp: z.enum(['gated', 'plain']),
    rotary: z.boolean(),
    parallelBlocks: z.boolean(),
    tiedEmbeddings: z.boolean(),
    weightSparsity: QuantitySchema.extend({ value: z.number().min(0).lt(1) }),
  })
  .strict()
  .refine((m) => m.hidden.value % m.heads.value === 0, { path: ['heads'], message: 'must divide hidden' })
  .refine((m) => m.heads.value % m.kvHeads.value === 0, {
    path: ['kvHeads'],
    message: 'must divide heads',
  }) satisfies z.ZodType<ModelSpec>

/** Parameters of one decoder layer, dense (sparsity does not change the count, only what is stored). */
export function layerParameters(model: ModelSpec): number {
  const h = model.hidden.value
  const kvWidth = (model.kvHeads.value * h) / model.heads.value
  const attention = h * h /* Q */ + 2 * h * kvWidth /* K, V */ + h * h /* O */
  const mlp = (model.mlp === 'gated' ? 3 : 2) * h * model.ffn.value
  const norms = (model.parallelBlocks ? 1 : 2) * h
  return attention + mlp + norms
}

/** Parameters of the model, embeddings and LM head included. */
export function parameterCount(model: ModelSpec): number {
  const h = model.hidden.value
  const embeddings = model.vocab.value * h * (model.tiedEmbeddings ? 1 : 2)
  return model.layers.value * layerParameters(model) + embeddings + h /* final norm */
}
