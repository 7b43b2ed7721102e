import { q } from '../../quantity'
import type { ModelSpec } from '../schema'
import { llama2_13b } from './llama2'

const SPARSITY =
  'SparseGPT (Frantar & Alistarh 2023) at 87.5% as benchmarked in [P Sec. VI-A, Table III], on the Llama-2-13B model card config.json shapes'

/** Llama 2 13B pruned to 87.5% zeros; the shapes, and so the dense parameter count, stay the 13B ones. */
export const sparsegpt_13b: ModelSpec = {
  ...llama2_13b,
  id: 'sparsegpt-13b',
  name: 'SparseGPT 13B (87.5% sparse)',
  weightSparsity: q(0.875, SPARSITY),
}
