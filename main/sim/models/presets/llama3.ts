import { q } from '../../quantity'
import type { ModelSpec } from '../schema'

/** The three Llama 3.1 sizes share vocabulary, context and GQA width; only the depth and widths differ. */
const card = (size: string) =>
  `Llama-3.1-${size} config.json (huggingface.co/meta-llama/Llama-3.1-${size}) and Llama 3 Herd paper (Grattafiori et al. 2024), Table 3`

function llama31(id: string, size: string, layers: number, hidden: number, heads: number, ffn: number): ModelSpec {
  const source = card(size)
  return {
    id,
    name: `Llama 3.1 ${size}`,
    layers: q(layers, `${source}: num_hidden_layers`),
    hidden: q(hidden, `${source}: hidden_size`),
    heads: q(heads, `${source}: num_attention_heads`),
    kvHeads: q(8, `${source}: num_key_value_heads (GQA)`),
    ffn: q(ffn, `${source}: intermediate_size`),
    vocab: q(128256, `${source}: vocab_size`),
    contextWindow: q(131072, `${source}: max_position_embeddings (RoPE scaled, rope_type llama3)`),
    mlp: 'gated',
    rotary: true,
    parallelBlocks: false,
    tiedEmbeddings: false,
    weightSparsity: q(0, `${source}: dense weights`),
  }
}

export const llama31_8b = llama31('llama3.1-8b', '8B', 32, 4096, 32, 14336)
export const llama31_70b = llama31('llama3.1-70b', '70B', 80, 8192, 64, 28672)
export const llama31_405b = llama31('llama3.1-405b', '405B', 126, 16384, 128, 53248)
