import { q } from '../../quantity'
import { GB, MB, TB, TERA } from '../../units'
import type { ChipSpec, SystemSpec } from '../schema'
import { nemoStack } from './gpuStack'
import { GPU_GEMM_EFFICIENCY_ASSUMPTION, NEMO_FIT, NV_A100, NV_DGX, PAPER_SEC_VI_C } from './sources'

export const a100Sxm80: ChipSpec = {
  name: 'A100 80GB SXM4',
  peakFlops: q(312 * TERA, `${NV_A100}: 312 TFLOP/s dense BF16`),
  sramBytes: q(40 * MB, `${NV_A100}: 40 MB L2 cache`),
  hbmBytes: q(80 * GB, `${NV_A100}: 80 GB HBM2e`),
  hbmBandwidth: q(2.039 * TB, `${NV_A100}: 2.039 TB/s`),
  computeEfficiency: q(0.7, GPU_GEMM_EFFICIENCY_ASSUMPTION),
  memoryEfficiency: q(0.594, `${NEMO_FIT}: HBM bandwidth NeMo achieves on one A100`),
}

export const dgxA100: SystemSpec = {
  id: 'dgx-a100',
  name: 'DGX A100 (8x A100 80GB)',
  description: 'Eight A100 80GB GPUs on NVLink; experts that do not fit in HBM live in host DRAM.',
  chip: a100Sxm80,
  chipCount: q(8, `${NV_DGX}: 8 GPUs`),
  capacityTier: {
    name: 'host DRAM',
    bytes: q(2 * TB, `${NV_DGX}: 2 TB host memory (1 TB in the first configuration)`),
    copyBandwidth: q(
      32 * GB,
      `${PAPER_SEC_VI_C}: a model switch is modelled over one PCIe Gen4 x16 link, 32 GB/s, for the node`,
    ),
    perChipCopyBandwidth: q(32 * GB, `${NV_A100}: PCIe Gen4 x16, 32 GB/s each way per GPU`),
  },
  interconnect: {
    bandwidth: q(300 * GB, `${NV_A100}: NVLink 600 GB/s bidirectional, 300 GB/s each way`),
    hopLatency: q(5.15e-6, `${NEMO_FIT}: one ring step of an NCCL all-reduce (71.6 µs over 8 GPUs, 14 steps)`),
  },
  execution: nemoStack({ stepOverhead: 0, sequenceStepOverhead: 247e-6 }),
}
