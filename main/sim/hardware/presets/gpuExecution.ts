import { q } from '../../quantity'
import type { SiliconSpec } from './onStack'

/** How a GPU runs kernels, whatever its stack: CUDA/HIP streams, no dataflow, no program to load. */
export const GPU_EXECUTION: SiliconSpec['execution'] = {
  dataflowFusion: false,
  kernelLaunch: 'async',
  programLoad: q(0, 'ASSUMPTION: CUDA kernels stay loaded; a GPU switch only copies weights'),
  // [P Fig. 13]: at TP8 latency a GPU cannot copy experts in, so every expert sits in HBM.
  footprintPlacement: 'hbm',
}
