import { q } from '../quantity'
import { onSilicon } from './figures'
import { carried, GPU_ASSUMED } from './gpuAssumptions'
import type { StackProfile } from './schema'

const ID = 'nemo-2023'

/** NeMo's figures on one NVIDIA family: three free figures, one per kind of NeMo row. */
function nemoOn(family: 'a100' | 'h100', gpu: string) {
  return onSilicon(
    ID,
    family,
    {
      ...GPU_ASSUMED,
      stepOverhead: q(0, 'ASSUMPTION: held at 0; TP1 batch-1 decode is explained by bandwidth alone'),
    },
    {
      // Each NeMo row pins one: TP1 batch 1 the bandwidth, TP8 batch 1 the all-reduce, TP8 batch 8 the host.
      memoryEfficiency: { what: `HBM bandwidth NeMo achieves on one ${gpu} (TP1, batch 1)`, start: 0.6 },
      hopLatency: { what: 'one ring step of an NCCL all-reduce (TP8, batch 1)', start: 5e-6 },
      sequenceStepOverhead: {
        what: 'host cost per sequence per pass: sampling, bookkeeping (TP8, batch 8)',
        start: 2e-4,
      },
    },
  )
}

const a100 = nemoOn('a100', 'A100')
const h100 = nemoOn('h100', 'H100')

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
