import { q } from '../../quantity'
import type { ModelSpec } from '../schema'

const CARD_7B = 'Llama-2-7b config.json (huggingface.co/meta-llama/Llama-2-7b-hf) and Touvron et al. 2023, Table 1'
const CARD_13B = 'Llama-2-13b config.json (huggingface.co/meta-llama/Llama-2-13b-hf) and Touvron et al. 2023, Table 1'
const CARD_70B = 'Llama-2-70b config.json (huggingface.co/meta-llama/Llama-2-70b-hf) and Touvron et al. 2023, Table 1'

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
  rotary: true,
  parallelBlocks: false,
  tiedEmbeddings: false,
  weightSparsity: q(0, `${CARD_7B}: dense weights`),
}

export const llama2_13b: ModelSpec = {
  id: 'llama2-13b',
  name: 'Llama 2 13B',
  layers: q(40, `${CARD_13B}: num_hidden_layers`),
  hidden: q(5120, `${CARD_13B}: hidden_size`),
  heads: q(40, `${CARD_13B}: num_attention_heads`),
  kvHeads: q(40, `${CARD_13B}: num_key_value_heads (no GQA at 13B)`),
  ffn: q(13824, `${CARD_13B}: intermediate_size`),
  vocab: q(32000, `${CARD_13B}: vocab_size`),
  contextWindow: q(4096, `${CARD_13B}: max_position_embeddings`),
  mlp: 'gated',
  rotary: true,
  parallelBlocks: false,
  tiedEmbeddings: false,
  weightSparsity: q(0, `${CARD_13B}: dense weights`),
}

export const llama2_70b: ModelSpec = {
  id: 'llama2-70b',
  name: 'Llama 2 70B',
  layers: q(80, `${CARD_70B}: num_hidden_layers`),
  hidden: q(8192, `${CARD_70B}: hidden_size`),
  heads: q(64, `${CARD_70B}: num_attention_heads`),
  kvHeads: q(8, `${CARD_70B}: num_key_value_heads (GQA, 8 query heads per KV head)`),
  ffn: q(28672, `${CARD_70B}: intermediate_size`),
  vocab: q(32000, `${CARD_70B}: vocab_size`),
  contextWindow: q(4096, `${CARD_70B}: max_position_embeddings`),
  mlp: 'gated',
  rotary: true,
  parallelBlocks: false,
  tiedEmbeddings: false,
  weightSparsity: q(0, `${CARD_70B}: dense weights`),
}
