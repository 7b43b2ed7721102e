import { q } from '../../quantity'
import { GB, MB, TB, TERA } from '../../units'
import { presetOn, type SiliconSpec } from './onStack'
import { GPU_EXECUTION } from './gpuExecution'
import { NV_DGX, NV_H100, PAPER_SEC_VI_C } from './sources'

export const h100Sxm80: SiliconSpec['chip'] = {
  name: 'H100 80GB SXM5',
  family: 'h100',
  peakFlops: q(989 * TERA, `${NV_H100}: 989 TFLOP/s dense BF16`),
  sramBytes: q(50 * MB, `${NV_H100}: 50 MB L2 cache`),
  hbmBytes: q(80 * GB, `${NV_H100}: 80 GB HBM3`),
  hbmBandwidth: q(3.35 * TB, `${NV_H100}: 3.35 TB/s`),
}

/** The paper's pairing: NeMo 2023 [P ref. 57]. */
export const dgxH100 = presetOn(
  {
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
    },
    execution: GPU_EXECUTION,
  },
  'nemo-2023',
)
