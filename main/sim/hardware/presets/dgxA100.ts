import { q } from '../../quantity'
import { GB, MB, TB, TERA } from '../../units'
import { presetOn, type SiliconSpec } from './onStack'
import { GPU_EXECUTION } from './gpuExecution'
import { NV_A100, NV_DGX, PAPER_SEC_VI_C } from './sources'

export const a100Sxm80: SiliconSpec['chip'] = {
  name: 'A100 80GB SXM4',
  family: 'a100',
  peakFlops: q(312 * TERA, `${NV_A100}: 312 TFLOP/s dense BF16`),
  sramBytes: q(40 * MB, `${NV_A100}: 40 MB L2 cache`),
  hbmBytes: q(80 * GB, `${NV_A100}: 80 GB HBM2e`),
  hbmBandwidth: q(2.039 * TB, `${NV_A100}: 2.039 TB/s`),
}

/** The paper's pairing: NeMo 2023 [P ref. 57]. */
export const dgxA100 = presetOn(
  {
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
    },
    execution: GPU_EXECUTION,
  },
  'nemo-2023',
)
