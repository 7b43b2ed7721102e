import type { Operator, OperatorKind } from '../models/operators'

/** Channels convolved at once in the FlashFFTConv benchmark (ASSUMPTION: the paper gives only the 1M length). */
export const FFT_CONV_CHANNELS = 64

/** One step of an FFT convolution: reads its input plane and writes its output plane. */
function step(name: string, kind: OperatorKind, flops: number, weightBytes: number, plane: number): Operator {
  return {
    name,
    kind,
    repeat: 1,
    flops,
    weightBytes,
    inputBytes: plane,
    outputBytes: plane,
    kvBytes: 0,
    split: true,
    gpuKernel: 'fftconv',
    eagerKernels: 1,
    savedBytes: 0,
    kvShards: 1,
    layerKernel: 'fftconv',
  }
}

/**
 * One FFT of `sequence` = n × n points per channel by the Monarch decomposition [P Table I]:
 * Gemm0 (an n × n DFT matrix against the n × n reshaped input, 2n³ FLOPs), the twiddle multiply
 * (8 FLOPs per point), a transpose, Gemm1 (2n³ FLOPs). Unfused, each reads its input and writes
 * its output; the DFT matrices and twiddles are read once per kernel.
 */
export function monarchFftOperators(
  sequence: number,
  channels: number,
  bytesPerElement: number,
  prefix: string,
): Operator[] {
  const n = Math.round(Math.sqrt(sequence))
  const plane = channels * sequence * bytesPerElement
  const matrix = n * n * bytesPerElement
  const gemm = 2 * n ** 3 * channels
  return [
    step(`${prefix}gemm0`, 'matmul', gemm, matrix, plane),
    step(`${prefix}twiddle`, 'elementwise', 8 * sequence * channels, matrix, plane),
    step(`${prefix}transpose`, 'elementwise', 0, 0, plane),
    step(`${prefix}gemm1`, 'matmul', gemm, matrix, plane),
  ]
}

/** FFT convolution (FlashFFTConv): FFT of the input, a pointwise product with the filter's FFT, inverse FFT. */
export function fftConvolutionOperators(
  sequence: number,
  bytesPerElement: number,
  channels = FFT_CONV_CHANNELS,
): Operator[] {
  const plane = channels * sequence * bytesPerElement
  // The filter's FFT is read like a weight: one complex multiply (6 FLOPs) per point.
  const product = step('filter_product', 'elementwise', 6 * sequence * channels, plane, plane)
  return [
    ...monarchFftOperators(sequence, channels, bytesPerElement, 'fft_'),
    product,
    ...monarchFftOperators(sequence, channels, bytesPerElement, 'ifft_'),
  ]
}
