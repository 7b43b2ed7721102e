import { q } from '../quantity'
import { onSilicon } from './figures'
import { GPU_ASSUMED } from './gpuAssumptions'
import type { StackProfile } from './schema'

/** vLLM on ROCm (2024) on AMD MI300X: one fit row (70B, batch 1) pins the bandwidth. */
export const vllmRocm2024: StackProfile = {
  label: 'vLLM ROCm 2024',
  description: 'vLLM on ROCm (2024), AMD MI300X',
  families: {
    mi300x: onSilicon(
      'vllm-rocm-2024',
      'mi300x',
      {
        ...GPU_ASSUMED,
        stepOverhead: q(0, 'ASSUMPTION: no per-pass cost beyond the kernels; no fit row separates one'),
        sequenceStepOverhead: q(0, 'ASSUMPTION: no host cost per sequence; no fit row separates one'),
        collectiveLatency: q(
          20e-6,
          'ASSUMPTION: RCCL is NCCL’s port and runs the same ring protocols; ~20 µs per collective call beyond their latencies, the order NCCL stacks show on NVLink; no multi-GPU row',
        ),
      },
      { memoryEfficiency: { what: 'HBM bandwidth vLLM achieves on one MI300X (70B, batch 1)', start: 0.6 } },
    ),
  },
}
