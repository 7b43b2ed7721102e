import { q, type Quantity } from '../../quantity'
import type { SiliconSpec } from './onStack'

import { VIDUR_PROFILES } from './sources'

/**
 * How a GPU runs kernels, whatever its stack: CUDA/HIP streams, no dataflow, no program to load;
 * `kernelRamp` is the chip's own (how long its smallest kernels take on the device).
 */
export function gpuExecution(kernelRamp: Quantity): SiliconSpec['execution'] {
  return {
    dataflowFusion: false,
    kernelLaunch: 'async',
    kernelRamp,
    overlapExponent: q(
      2,
      `ASSUMPTION: a GEMM near the ridge point overlaps its loads and its math only in part; (c² + m²)^½ reproduces the 128- to 512-token GEMMs of the ${VIDUR_PROFILES} within ~10%, where max(c, m) is 30% fast at 128 tokens`,
    ),
    programLoad: q(0, 'ASSUMPTION: CUDA kernels stay loaded; a GPU switch only copies weights'),
    // [P Fig. 13]: at TP8 latency a GPU cannot copy experts in, so every expert sits in HBM.
    footprintPlacement: 'hbm',
  }
}
