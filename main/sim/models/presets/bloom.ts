import { q } from '../../quantity'
import type { ModelSpec } from '../schema'

const CARD = 'BLOOM config.json and model card (huggingface.co/bigscience/bloom)'

export const bloom_176b: ModelSpec = {
  id: 'bloom-176b',
  name: 'BLOOM 176B',
  layers: q(70, `${CARD}: n_layer`),
  hidden: q(14336, `${CARD}: hidden_size (n_embed)`),
  heads: q(112, `${CARD}: num_attention_heads (head_dim 128)`),
  kvHeads: q(112, `${CARD}: multi-head attention, one KV head per query head`),
  ffn: q(57344, `${CARD}: 4 x hidden_size, GELU MLP`),
  vocab: q(250880, `${CARD}: vocab_size (250,680 tokens padded)`),
  contextWindow: q(2048, `${CARD}: sequence length 2048 (model card technical specifications)`),
  mlp: 'plain',
  // ALiBi attention biases instead of position embeddings.
  rotary: false,
  parallelBlocks: false,
  tiedEmbeddings: true,
  weightSparsity: q(0, `${CARD}: dense weights`),
}
