import { q } from '../../quantity'
import { GB, MB, TB, TERA } from '../../units'
import type { ChipSpec, SystemSpec } from '../schema'
import { h100StackCarriedOver } from './carriedStack'
import { GPU_GEMM_EFFICIENCY_ASSUMPTION, NV_DGX, NV_H200, PAPER_SEC_VI_C } from './sources'

const STACK = h100StackCarriedOver('no published NeMo figure for H200')

export const h200Sxm: ChipSpec = {
  name: 'H200 141GB SXM',
  peakFlops: q(989 * TERA, `${NV_H200}: 989 TFLOP/s dense BF16 (same Hopper die as H100)`),
  sramBytes: q(50 * MB, `${NV_H200}: 50 MB L2 cache`),
  hbmBytes: q(141 * GB, `${NV_H200}: 141 GB HBM3e`),
  hbmBandwidth: q(4.8 * TB, `${NV_H200}: 4.8 TB/s`),
  computeEfficiency: q(0.7, GPU_GEMM_EFFICIENCY_ASSUMPTION),
  memoryEfficiency: STACK.memoryEfficiency,
}

export const dgxH200: SystemSpec = {
  id: 'dgx-h200',
  name: 'DGX H200 (8x H200 141GB)',
  description: 'Eight H200 141GB GPUs on NVLink; experts that do not fit in HBM live in host DRAM.',
  chip: h200Sxm,
  chipCount: q(8, `${NV_DGX}: 8 GPUs`),
  capacityTier: {
    name: 'host DRAM',
    bytes: q(2 * TB, `${NV_DGX}: DGX H200, 2 TB host memory`),
    copyBandwidth: q(
      64 * GB,
      `ASSUMPTION: as ${PAPER_SEC_VI_C} models the DGX H100, one PCIe Gen5 x16 link for the node`,
    ),
    perChipCopyBandwidth: q(64 * GB, `${NV_H200}: PCIe Gen5 x16, 64 GB/s each way per GPU`),
  },
  interconnect: {
    bandwidth: q(450 * GB, `${NV_H200}: NVLink 900 GB/s bidirectional, 450 GB/s each way`),
    hopLatency: STACK.hopLatency,
  },
  execution: STACK.execution,
}
