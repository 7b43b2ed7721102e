import { q } from '../quantity'
import { onSilicon } from './figures'
import { carried, GPU_ASSUMED, NVIDIA_KERNELS } from './gpuAssumptions'
import { nemo2023 } from './nemo2023'
import type { StackProfile } from './schema'

const ID = 'trtllm-2024'

const NO_SEQUENCE_COST = {
  sequenceStepOverhead: q(
    0,
    'ASSUMPTION: TensorRT-LLM samples on the GPU inside the engine; no host cost per sequence',
  ),
}

/** What the C++ runtime (batch manager, engine enqueue) costs per forward pass: the one figure both families fit. */
const PER_PASS = 'per-pass cost of the TensorRT-LLM runtime: batch manager, engine enqueue'

/**
 * On A100 the rows are a long prefill and a batch-256 throughput: with the chip's measured
 * kernels they pin the per-pass cost; no multi-GPU row is a fit row, so the collective call is
 * NeMo's (the same NCCL).
 */
const a100 = onSilicon(
  ID,
  'a100',
  {
    ...GPU_ASSUMED,
    ...NVIDIA_KERNELS.a100,
    ...NO_SEQUENCE_COST,
    ...carried({ collectiveLatency: nemo2023.families.a100!.figures.collectiveLatency }, 'the same NCCL as NeMo 2023'),
  },
  { stepOverhead: { what: `${PER_PASS} (2048-token prefill, batch-256 throughput)`, start: 1e-3 } },
)

/** On H100 the rows are batch-1 latencies at TP1 (the per-pass cost) and TP4 (the collective call). */
const h100 = onSilicon(
  ID,
  'h100',
  { ...GPU_ASSUMED, ...NVIDIA_KERNELS.h100, ...NO_SEQUENCE_COST },
  {
    stepOverhead: { what: `${PER_PASS} (TP1, batch 1)`, start: 1e-3 },
    collectiveLatency: { what: 'fixed cost of one NCCL collective call (TP4, batch 1)', start: 20e-6 },
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
