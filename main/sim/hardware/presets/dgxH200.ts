import { q } from '../../quantity'
import { GB, MB, TB, TERA } from '../../units'
import { presetOn, type SiliconSpec } from './onStack'
import { gpuExecution } from './gpuExecution'
import { DGX_HOPPER_TOPOLOGY_ASSUMPTION, NV_DGX, NV_H200, PAPER_SEC_VI_C, VIDUR_PROFILES } from './sources'
import { PCIE_GEN5_X16 } from '../pcie'

export const h200Sxm: SiliconSpec['chip'] = {
  name: 'H200 141GB SXM',
  family: 'h200',
  peakFlops: q(989 * TERA, `${NV_H200}: 989 TFLOP/s dense BF16 (same Hopper die as H100)`),
  // The datasheet quotes with sparsity; dense is half (the H100 SXM's figures).
  precisionPeaks: {
    fp16: q(989.4 * TERA, `${NV_H200}: 989.4 TFLOP/s dense FP16 (1979 with sparsity)`),
    fp8: q(1979 * TERA, `${NV_H200}: 1979 TFLOP/s dense FP8 (3958 with sparsity)`),
    int8: q(1979 * TERA, `${NV_H200}: 1979 TOPS dense INT8 (3958 with sparsity)`),
  },
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
        PCIE_GEN5_X16.value,
        `ASSUMPTION: as ${PAPER_SEC_VI_C} models the DGX H100, one PCIe Gen5 x16 link for the node (64 GB/s nominal), here at that link's achievable rate. ${PCIE_GEN5_X16.source}`,
      ),
      perChipCopyBandwidth: q(
        PCIE_GEN5_X16.value,
        `${NV_H200}: PCIe Gen5 x16 host link per GPU, at its achievable rate. ${PCIE_GEN5_X16.source}`,
      ),
      chipsPerHostLink: q(2, DGX_HOPPER_TOPOLOGY_ASSUMPTION),
    },
    interconnect: {
      bandwidth: q(450 * GB, `${NV_H200}: NVLink 900 GB/s bidirectional, 450 GB/s each way`),
      collectiveAlgorithm: 'ncclRing',
    },
    execution: gpuExecution(
      q(2.5e-6, `ASSUMPTION: the H200 is the H100's chip with HBM3e: the H100's kernel ramp (${VIDUR_PROFILES})`),
    ),
  },
  'nemo-2023',
)
