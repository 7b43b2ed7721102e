import type { Operator } from '../models/operators'

/** Channels convolved at once in the FlashFFTConv benchmark (ASSUMPTION: the paper gives only the 1M length). */
export const FFT_CONV_CHANNELS = 64

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
  const base = {
    kind: 'matmul' as const,
    repeat: 1,
    kvBytes: 0,
    split: true,
    gpuKernel: 'fftconv',
    eagerKernels: 1,
    savedBytes: 0,
    kvShards: 1,
    layerKernel: 'fftconv',
  }
  return [
    {
      ...base,
      name: `${prefix}gemm0`,
      flops: 2 * n ** 3 * channels,
      weightBytes: matrix,
      inputBytes: plane,
      outputBytes: plane,
    },
    {
      ...base,
      name: `${prefix}twiddle`,
      kind: 'elementwise',
      flops: 8 * sequence * channels,
      weightBytes: matrix,
      inputBytes: plane,
      outputBytes: plane,
    },
    {
      ...base,
      name: `${prefix}transpose`,
      kind: 'elementwise',
      flops: 0,
      weightBytes: 0,
      inputBytes: plane,
      outputBytes: plane,
    },
    {
      ...base,
      name: `${prefix}gemm1`,
      flops: 2 * n ** 3 * channels,
      weightBytes: matrix,
      inputBytes: plane,
      outputBytes: plane,
    },
  ]
}

/** FFT convolution (FlashFFTConv): FFT of the input, a pointwise product with the filter's FFT, inverse FFT. */
export function fftConvolutionOperators(
  sequence: number,
  bytesPerElement: number,
  channels = FFT_CONV_CHANNELS,
): Operator[] {
  const plane = channels * sequence * bytesPerElement
  const product: Operator = {
    name: 'filter_product',
    kind: 'elementwise',
    repeat: 1,
    flops: 6 * sequence * channels,
    weightBytes: plane,
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
  return [
    ...monarchFftOperators(sequence, channels, bytesPerElement, 'fft_'),
    product,
    ...monarchFftOperators(sequence, channels, bytesPerElement, 'ifft_'),
  ]
}
