import { q } from '../../quantity'
import type { ModelSpec } from '../schema'

const CARD = 'Mistral-7B-v0.1 config.json (huggingface.co/mistralai/Mistral-7B-v0.1) and Jiang et al. 2023, Table 1'

export const mistral_7b: ModelSpec = {
  id: 'mistral-7b',
  name: 'Mistral 7B v0.1',
  layers: q(32, `${CARD}: num_hidden_layers`),
  hidden: q(4096, `${CARD}: hidden_size`),
  heads: q(32, `${CARD}: num_attention_heads`),
  kvHeads: q(8, `${CARD}: num_key_value_heads (GQA)`),
  ffn: q(14336, `${CARD}: intermediate_size`),
  vocab: q(32000, `${CARD}: vocab_size`),
  contextWindow: q(
    32768,
    `${CARD}: max_position_embeddings; each layer attends over a sliding_window of 4096 tokens, not the whole context`,
  ),
  mlp: 'gated',
  rotary: true,
  parallelBlocks: false,
  tiedEmbeddings: false,
  weightSparsity: q(0, `${CARD}: dense weights`),
}
