import { q } from '../../quantity'
import type { ModelSpec } from '../schema'

const CARD_7B = 'Llama-2-7b config.json (huggingface.co/meta-llama/Llama-2-7b-hf) and Touvron et al. 2023, Table 1'

export const llama2_7b: ModelSpec = {
  id: 'llama2-7b',
  name: 'Llama 2 7B',
  layers: q(32, `${CARD_7B}: num_hidden_layers`),
  hidden: q(4096, `${CARD_7B}: hidden_size`),
  heads: q(32, `${CARD_7B}: num_attention_heads`),
  kvHeads: q(32, `${CARD_7B}: num_key_value_heads (no GQA at 7B)`),
  ffn: q(11008, `${CARD_7B}: intermediate_size`),
  vocab: q(32000, `${CARD_7B}: vocab_size`),
  contextWindow: q(4096, `${CARD_7B}: max_position_embeddings`),
  mlp: 'gated',
  tiedEmbeddings: false,
}
