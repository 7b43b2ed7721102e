import { q } from '../../quantity'
import { GB, MB, TB, TERA } from '../../units'
import type { ChipSpec, SystemSpec } from '../schema'
import { NV_A100, NV_DGX, PAPER_SEC_VI_B, PAPER_SEC_VI_C, GPU_GEMM_EFFICIENCY_ASSUMPTION } from './sources'

export const a100Sxm80: ChipSpec = {
  name: 'A100 80GB SXM4',
  peakFlops: q(312 * TERA, `${NV_A100}: 312 TFLOP/s dense BF16`),
  sramBytes: q(40 * MB, `${NV_A100}: 40 MB L2 cache`),
  hbmBytes: q(80 * GB, `${NV_A100}: 80 GB HBM2e`),
  hbmBandwidth: q(2.039 * TB, `${NV_A100}: 2.039 TB/s`),
  computeEfficiency: q(0.7, GPU_GEMM_EFFICIENCY_ASSUMPTION),
  memoryEfficiency: q(
    0.5,
    `ASSUMPTION: ${PAPER_SEC_VI_B} says H100 decode "rarely exceeds 50% HBM bandwidth"; the same software stack is assumed on A100`,
  ),
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
  },
}
