import { q } from '../quantity'
import { GPU_GEMM_EFFICIENCY_ASSUMPTION, VIDUR_PROFILES } from '../hardware/presets/sources'
import type { StackFigures } from './schema'

const FA2 =
  '[FA2] T. Dao, "FlashAttention-2: Faster Attention with Better Parallelism and Work Partitioning", ICLR 2024: the forward pass reaches 50–73% of peak on A100'
const FA3 =
  '[FA3] J. Shah et al., "FlashAttention-3: Fast and Accurate Attention with Asynchrony and Low-precision", NeurIPS 2024: FlashAttention-2 reaches 35% of peak on H100'

/** What every GPU stack here assumes where no row pins it: cuBLAS-class GEMMs, CUDA/HIP launches. */
export const GPU_ASSUMED: Pick<
  StackFigures,
  'computeEfficiency' | 'attentionEfficiency' | 'hostKernelOverhead' | 'onChipKernelOverhead'
> = {
  computeEfficiency: q(0.7, GPU_GEMM_EFFICIENCY_ASSUMPTION),
  attentionEfficiency: q(0.35, `ASSUMPTION: a FlashAttention-2-class kernel on a chip of the H100's class: ${FA3}`),
  hostKernelOverhead: q(
    4e-6,
    'ASSUMPTION: CUDA kernel launch interval of a few µs (NVIDIA CUDA C++ Best Practices Guide, "kernel launch overhead"); launches queue ahead, so it binds only kernels shorter than it',
  ),
  onChipKernelOverhead: q(4e-6, 'ASSUMPTION: GPUs have no on-chip scheduling mode, so the host figure'),
}

/** A figure carried from another family's profile of the same stack, saying so. */
export function carried<T extends Partial<StackFigures>>(figures: T, why: string): T {
  return Object.fromEntries(
    Object.entries(figures).map(([key, figure]) => [
      key,
      q(figure!.value, `ASSUMPTION: ${why} (was: ${figure!.source})`),
    ]),
  ) as T
}

/**
 * What cuBLAS-class GEMMs reach on NVIDIA silicon, measured kernel by kernel [VIDUR_PROFILES]:
 * every NVIDIA stack here (NeMo, TensorRT-LLM) runs such GEMMs, so these are the chip's kernel
 * figures and the stacks differ in their host and collective costs, fitted on their own rows.
 * Taken from Llama-2-70B at TP1, the largest GEMMs: decode at batch 1 (bandwidth) and prefill of
 * 2048 tokens (compute); `memwall validate --kernels` checks them on every other profile. The
 * attention kernels are the FlashAttention papers' (the profiles' own vLLM attention is slower).
 */
export const NVIDIA_KERNELS: Record<
  'a100' | 'h100',
  Pick<StackFigures, 'computeEfficiency' | 'attentionEfficiency' | 'memoryEfficiency'>
> = {
  a100: {
    attentionEfficiency: q(
      0.5,
      `the fused attention (FMHA) kernels of NVIDIA's stacks, FlashAttention-2 class: ${FA2}, the low end`,
    ),
    computeEfficiency: q(0.76, `${VIDUR_PROFILES}: A100 Llama-2-70B TP1 2048-token GEMMs reach 228–237 of 312 TFLOP/s`),
    memoryEfficiency: q(
      0.8,
      `${VIDUR_PROFILES}: A100 Llama-2-70B TP1 batch-1 GEMVs stream 0.72–0.79 of 2.04 TB/s after a 3 µs ramp`,
    ),
  },
  h100: {
    attentionEfficiency: q(
      0.35,
      `the fused attention (FMHA) kernels of NVIDIA's stacks, FlashAttention-2 class: ${FA3}`,
    ),
    computeEfficiency: q(0.72, `${VIDUR_PROFILES}: H100 Llama-2-70B TP1 2048-token GEMMs reach 693–751 of 989 TFLOP/s`),
    memoryEfficiency: q(0.85, `${VIDUR_PROFILES}: H100 Llama-2-70B TP1 batch-1 GEMVs stream 0.80–0.90 of 3.35 TB/s`),
  },
}
