import { q } from '../../quantity'
import type { ExecutionSpec } from '../schema'
import { NEMO_FIT } from './sources'

/**
 * The GPU software stack of the paper's baselines (NVIDIA NeMo, 2023). Its per-pass and
 * per-sequence costs are fitted to NeMo's published Llama-2-7B latencies for each GPU
 * (docs/MODEL.md, "GPU baseline"); a newer stack is modelled by overriding them.
 */
export function nemoStack(fitted: { stepOverhead: number; sequenceStepOverhead: number }): ExecutionSpec {
  return {
    dataflowFusion: false,
    kernelLaunch: 'async',
    hostKernelOverhead: q(
      4e-6,
      'ASSUMPTION: CUDA kernel launch interval of a few µs (NVIDIA CUDA C++ Best Practices Guide, "kernel launch overhead"); launches queue ahead, so it binds only kernels shorter than it',
    ),
    onChipKernelOverhead: q(4e-6, 'ASSUMPTION: GPUs have no on-chip scheduling mode, so the host figure'),
    stepOverhead: q(fitted.stepOverhead, `${NEMO_FIT}: framework cost per forward pass`),
    sequenceStepOverhead: q(
      fitted.sequenceStepOverhead,
      `${NEMO_FIT}: host-side cost per sequence per pass (sampling, bookkeeping)`,
    ),
    programLoad: q(0, 'ASSUMPTION: CUDA kernels stay loaded; a GPU switch only copies weights'),
    // [P Fig. 13]: at TP8 latency a GPU cannot copy experts in, so every expert sits in HBM.
    footprintPlacement: 'hbm',
  }
}
