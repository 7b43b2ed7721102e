import { q } from '../../quantity'
import type { ModelSpec } from '../schema'

const CARD = 'Falcon-40B config.json and model card (huggingface.co/tiiuae/falcon-40b)'

export const falcon_40b: ModelSpec = {
  id: 'falcon-40b',
  name: 'Falcon 40B',
  layers: q(60, `${CARD}: num_hidden_layers`),
  hidden: q(8192, `${CARD}: hidden_size`),
  heads: q(128, `${CARD}: num_attention_heads (head_dim 64)`),
  kvHeads: q(8, `${CARD}: num_kv_heads with new_decoder_architecture (multigroup attention)`),
  ffn: q(32768, `${CARD}: ffn_hidden_size unset, so 4 x hidden_size, GELU MLP`),
  vocab: q(65024, `${CARD}: vocab_size`),
  contextWindow: q(2048, `${CARD}: sequence length 2048 (model card technical specifications)`),
  mlp: 'plain',
  rotary: true,
  // parallel_attn: true; new_decoder_architecture gives attention and MLP a LayerNorm each.
  parallelBlocks: true,
  // tie_word_embeddings is left at its default (true); the modelling code ties lm_head.weight.
  tiedEmbeddings: true,
  weightSparsity: q(0, `${CARD}: dense weights`),
}
