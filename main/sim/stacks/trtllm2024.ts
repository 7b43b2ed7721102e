import { q } from '../quantity'
import { onSilicon } from './figures'
import { carried, GPU_ASSUMED } from './gpuAssumptions'
import { nemo2023 } from './nemo2023'
import type { StackProfile } from './schema'

const ID = 'trtllm-2024'

const NO_HOST_COST = {
  stepOverhead: q(
    0,
    'ASSUMPTION: the TensorRT-LLM C++ runtime runs a static batch step after step without Python in the loop; no per-pass cost beyond the kernels',
  ),
  sequenceStepOverhead: q(
    0,
    'ASSUMPTION: TensorRT-LLM samples on the GPU inside the engine; no host cost per sequence',
  ),
}

/**
 * On A100 the rows are a long prefill (compute) and a batch-256 throughput (bandwidth); no
 * multi-GPU row is a fit row, so the all-reduce is NeMo's (the same NCCL).
 */
const a100 = onSilicon(
  ID,
  'a100',
  {
    hostKernelOverhead: GPU_ASSUMED.hostKernelOverhead,
    onChipKernelOverhead: GPU_ASSUMED.onChipKernelOverhead,
    ...NO_HOST_COST,
    ...carried({ hopLatency: nemo2023.families.a100!.figures.hopLatency }, 'the same NCCL as NeMo 2023'),
  },
  {
    computeEfficiency: { what: 'fraction of peak BF16 a 2048-token prefill reaches on one A100', start: 0.7 },
    memoryEfficiency: { what: 'HBM bandwidth a batch-256 decode reaches on one A100', start: 0.7 },
  },
)

/** On H100 the rows are batch-1 latencies at TP1 (bandwidth) and TP4 (the all-reduce). */
const h100 = onSilicon(
  ID,
  'h100',
  { ...GPU_ASSUMED, ...NO_HOST_COST },
  {
    memoryEfficiency: { what: 'HBM bandwidth TensorRT-LLM achieves on one H100 (TP1, batch 1)', start: 0.7 },
    hopLatency: { what: 'one ring step of an NCCL all-reduce (TP4, batch 1)', start: 5e-6 },
  },
)

/** TensorRT-LLM 0.9-era engines (2024), static batches, 16-bit. */
export const trtllm2024: StackProfile = {
  label: 'TensorRT-LLM 2024',
  description: 'TensorRT-LLM 0.9-era (2024) engines, static batches, 16-bit',
  families: {
    a100,
    h100,
    h200: { figures: carried(h100.figures, 'no TensorRT-LLM fit row on H200: the H100 figures'), fitted: {} },
  },
}
