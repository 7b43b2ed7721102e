import { q } from '../../quantity'
import { GB, MB, TB, TERA } from '../../units'
import { presetOn, type SiliconSpec } from './onStack'
import { GPU_EXECUTION } from './gpuExecution'
import { NV_DGX, NV_H200, PAPER_SEC_VI_C } from './sources'

export const h200Sxm: SiliconSpec['chip'] = {
  name: 'H200 141GB SXM',
  family: 'h200',
  peakFlops: q(989 * TERA, `${NV_H200}: 989 TFLOP/s dense BF16 (same Hopper die as H100)`),
  sramBytes: q(50 * MB, `${NV_H200}: 50 MB L2 cache`),
  hbmBytes: q(141 * GB, `${NV_H200}: 141 GB HBM3e`),
  hbmBandwidth: q(4.8 * TB, `${NV_H200}: 4.8 TB/s`),
}

/** NeMo 2023 as on the DGX H100 (nemo2023.ts carries the H100 figures over, saying so). */
export const dgxH200 = presetOn(
  {
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
    },
    execution: GPU_EXECUTION,
  },
  'nemo-2023',
)
