import { q } from '../../quantity'
import { GB, MB, TB, TERA } from '../../units'
import type { ChipSpec, SystemSpec } from '../schema'
import { nemoStack } from './gpuStack'
import { GPU_GEMM_EFFICIENCY_ASSUMPTION, NEMO_FIT, NV_DGX, NV_H100, PAPER_SEC_VI_C } from './sources'

export const h100Sxm80: ChipSpec = {
  name: 'H100 80GB SXM5',
  peakFlops: q(989 * TERA, `${NV_H100}: 989 TFLOP/s dense BF16`),
  sramBytes: q(50 * MB, `${NV_H100}: 50 MB L2 cache`),
  hbmBytes: q(80 * GB, `${NV_H100}: 80 GB HBM3`),
  hbmBandwidth: q(3.35 * TB, `${NV_H100}: 3.35 TB/s`),
  computeEfficiency: q(0.7, GPU_GEMM_EFFICIENCY_ASSUMPTION),
  memoryEfficiency: q(
    0.567,
    `${NEMO_FIT}: HBM bandwidth NeMo achieves on one H100 (the paper: "rarely exceed 50%" [P Sec. VI-B])`,
  ),
}

export const dgxH100: SystemSpec = {
  id: 'dgx-h100',
  name: 'DGX H100 (8x H100 80GB)',
  description: 'Eight H100 80GB GPUs on NVLink; experts that do not fit in HBM live in host DRAM.',
  chip: h100Sxm80,
  chipCount: q(8, `${NV_DGX}: 8 GPUs`),
  capacityTier: {
    name: 'host DRAM',
    bytes: q(2 * TB, `${NV_DGX}: 2 TB host memory`),
    copyBandwidth: q(
      64 * GB,
      `${PAPER_SEC_VI_C}: a model switch is modelled over one PCIe Gen5 x16 link, 64 GB/s, for the node`,
    ),
    perChipCopyBandwidth: q(64 * GB, `${NV_H100}: PCIe Gen5 x16, 64 GB/s each way per GPU`),
  },
  interconnect: {
    bandwidth: q(450 * GB, `${NV_H100}: NVLink 900 GB/s bidirectional, 450 GB/s each way`),
    hopLatency: q(3.57e-6, `${NEMO_FIT}: one ring step of an NCCL all-reduce (50 µs over 8 GPUs, 14 steps)`),
  },
  execution: nemoStack({ stepOverhead: 0, sequenceStepOverhead: 194e-6 }),
}
