import { q } from '../quantity'

/**
 * The defaults of `workload.speculative` and where they come from (docs/MODEL.md §4.1). A file of
 * its own so that the scenario schema can read them without importing the model (which imports
 * the result types, which import the schema).
 */
export const SPECULATIVE_DEFAULT = {
  proposedTokens: q(
    4,
    'Chen et al. 2023, "Accelerating Large Language Model Decoding with Speculative Sampling" (arXiv 2302.01318): K = 4 draft tokens per step, Chinchilla 70B with a 4B draft, about 2–2.5x faster decoding',
  ),
  acceptanceRate: q(
    0.75,
    'Leviathan, Kalman & Matias, "Fast Inference from Transformers via Speculative Decoding", ICML 2023 (arXiv 2211.17192), Table 3: α = 0.75 for LaMDA 137B with an 8B draft, about the size ratio of Llama 3.1 70B to 8B (its well-matched drafts give α ≈ 0.6–0.9)',
  ),
} as const

/** The modelling choices behind speculative decoding, stated once for the schema, the ledger and docs/MODEL.md §4.1. */
export const SPECULATIVE_ASSUMPTIONS =
  'ASSUMPTION: each proposed token is accepted independently with probability α (Leviathan et al. 2023, Sec. 3.1), and the step count is the expectation rounded up (deterministic, no sampling); the draft runs on the same chips with the same tensor parallelism, one after the other with the target, its weights and KV cache in HBM beside the target’s'
