import { q } from '../quantity'
import { GPU_GEMM_EFFICIENCY_ASSUMPTION } from '../hardware/presets/sources'
import type { StackFigures } from './schema'

/** What every GPU stack here assumes where no row pins it: cuBLAS-class GEMMs, CUDA/HIP launches. */
export const GPU_ASSUMED: Pick<StackFigures, 'computeEfficiency' | 'hostKernelOverhead' | 'onChipKernelOverhead'> = {
  computeEfficiency: q(0.7, GPU_GEMM_EFFICIENCY_ASSUMPTION),
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
