/**
 * How operators become kernels (see kernels.ts):
 * - `unfused`: PyTorch eager, at least one kernel per operator, every intermediate through HBM,
 *   host-scheduled;
 * - `kernelFused`: what a current GPU stack runs (FlashAttention, GEMMs with fused epilogues);
 * - `fusedSO` / `fusedHO`: streaming dataflow, a whole decoder layer is one kernel, scheduled by
 *   the host (software orchestration) or on chip (hardware orchestration).
 */
export const EXECUTION_MODES = ['unfused', 'kernelFused', 'fusedSO', 'fusedHO'] as const
export type ExecutionMode = (typeof EXECUTION_MODES)[number]
