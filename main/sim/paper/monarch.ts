import { monarchFftOperators } from '../perf/fftConv'
import { fusedKernel, singleKernel, type Kernel } from '../perf/kernels'
import { BYTES_PER_ELEMENT } from '../units'

/** The paper's simplified Monarch FFT [P Table I]: a 1024 × 1024 decomposition of one channel, BF16. */
const SEQUENCE = 1024 * 1024

/** Published operational intensities, FLOPs per byte [P Table I]. */
export const MONARCH_PUBLISHED = { unfused: 39.5, partiallyFused: 102.6, fullyFused: 410.4 }

const intensity = (kernels: Kernel[]): number =>
  kernels.reduce((sum, k) => sum + k.flopsPerChip, 0) / kernels.reduce((sum, k) => sum + k.bytesPerChip, 0)

/**
 * Operational intensity with no fusion (each step a kernel), with Gemm0, the twiddle multiply and
 * the transpose fused, and fully spatially fused.
 */
export function monarchExperiment() {
  const [gemm0, twiddle, transpose, gemm1] = monarchFftOperators(SEQUENCE, 1, BYTES_PER_ELEMENT.bf16, '')
  const ops = [gemm0!, twiddle!, transpose!, gemm1!]
  return {
    unfused: intensity(ops.map((op) => singleKernel(op, 1))),
    partiallyFused: intensity([
      fusedKernel('gemm0_mul_transpose', [gemm0!, twiddle!, transpose!], 1),
      singleKernel(gemm1!, 1),
    ]),
    fullyFused: intensity([fusedKernel('monarch', ops, 1)]),
  }
}
