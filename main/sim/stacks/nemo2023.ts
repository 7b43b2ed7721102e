import { onSilicon } from './figures'
import { carried, GPU_ASSUMED, NVIDIA_KERNELS } from './gpuAssumptions'
import type { StackProfile } from './schema'

const ID = 'nemo-2023'

/**
 * NeMo's figures on one NVIDIA family: the chip's measured kernels, and three free figures, one
 * per kind of NeMo row: TP1 batch 1 the per-pass cost, TP8 batch 1 the collective call, TP8
 * batch 8 the per-sequence host cost.
 */
function nemoOn(family: 'a100' | 'h100') {
  return onSilicon(
    ID,
    family,
    { ...GPU_ASSUMED, ...NVIDIA_KERNELS[family] },
    {
      stepOverhead: {
        what: 'per-pass cost of the 2023 NeMo runtime: Python, scheduling, launch queue (TP1, batch 1)',
        start: 1e-3,
      },
      collectiveLatency: {
        what: 'fixed cost of one NCCL collective call beyond NCCL’s own latencies: dispatch, the wait for the slowest peer (TP8, batch 1)',
        start: 20e-6,
      },
      sequenceStepOverhead: {
        what: 'host cost per sequence per pass: sampling, bookkeeping (TP8, batch 8)',
        start: 2e-4,
      },
    },
  )
}

const a100 = nemoOn('a100')
const h100 = nemoOn('h100')

/**
 * NVIDIA NeMo inference, 2023 containers, static batches: the paper's GPU baselines [P ref. 57].
 * Fitted to NeMo's Llama-2-7B latency table; the H200 runs the H100's figures, there being no
 * NeMo table for it.
 */
export const nemo2023: StackProfile = {
  label: 'NeMo 2023',
  description: 'NVIDIA NeMo Framework inference (TensorRT-LLM backend), 2023 containers, static batches',
  families: {
    a100,
    h100,
    h200: { figures: carried(h100.figures, 'no NeMo latency table for H200: the H100 NeMo figures'), fitted: {} },
  },
}
