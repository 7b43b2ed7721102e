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
  kvHeads: Quantity
  ffn: Quantity
  vocab: Quantity
  contextWindow: Quantity
  mlp: 'gated' | 'plain'
  /** Whether the LM head shares the embedding matrix (counted once in the parameters). */
  tiedEmbeddings: boolean
}

const count = QuantitySchema.extend({ value: z.int().min(1) })

export const ModelSpecSchema = z.object({
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
  tiedEmbeddings: z.boolean(),
}) satisfies z.ZodType<ModelSpec>

/** Parameters of the model, embeddings and LM head included. */
export function parameterCount(model: ModelSpec): number {
  const h = model.hidden.value
  const headDim = h / model.heads.value
  const kvWidth = model.kvHeads.value * headDim
  const attention = h * h /* Q */ + 2 * h * kvWidth /* K, V */ + h * h /* O */
  const mlpMatrices = model.mlp === 'gated' ? 3 : 2
  const mlp = mlpMatrices * h * model.ffn.value
  const norms = 2 * h
  const embeddings = model.vocab.value * h * (model.tiedEmbeddings ? 1 : 2)
  return model.layers.value * (attention + mlp + norms) + embeddings + h /* final norm */
}
