import { q } from '../../quantity'
import type { ModelSpec } from '../schema'

/** The language model only (Vicuna-7B v1.5, Llama-2-7B shapes); the CLIP ViT-L/336 tower is not modelled. */
const CARD = 'LLaVA-1.5-7B config.json (huggingface.co/liuhaotian/llava-v1.5-7b), Vicuna-7B v1.5 language model'

export const llava15_7b: ModelSpec = {
  id: 'llava1.5-7b',
  name: 'LLaVA 1.5 7B',
  layers: q(32, `${CARD}: num_hidden_layers`),
  hidden: q(4096, `${CARD}: hidden_size`),
  heads: q(32, `${CARD}: num_attention_heads`),
  kvHeads: q(32, `${CARD}: num_key_value_heads`),
  ffn: q(11008, `${CARD}: intermediate_size`),
  vocab: q(32000, `${CARD}: vocab_size`),
  contextWindow: q(4096, `${CARD}: max_position_embeddings`),
  mlp: 'gated',
  rotary: true,
  parallelBlocks: false,
  tiedEmbeddings: false,
  weightSparsity: q(0, `${CARD}: dense weights`),
}
