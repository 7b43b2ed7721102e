import { q } from '../../quantity'
import { GB, MB, TB, TERA } from '../../units'
import { presetOn, type SiliconSpec } from './onStack'
import { GPU_EXECUTION } from './gpuExecution'
import { AMD_MI300X } from './sources'

export const mi300x: SiliconSpec['chip'] = {
  name: 'AMD Instinct MI300X',
  family: 'mi300x',
  peakFlops: q(1307.4 * TERA, `${AMD_MI300X}: 1307.4 TFLOP/s dense BF16`),
  sramBytes: q(256 * MB, `${AMD_MI300X}: 256 MB AMD Infinity Cache`),
  hbmBytes: q(192 * GB, `${AMD_MI300X}: 192 GB HBM3`),
  hbmBandwidth: q(5.3 * TB, `${AMD_MI300X}: 5.3 TB/s`),
}

/** On vLLM for ROCm (2024), the stack its published measurements ran. */
export const mi300xPlatform = presetOn(
  {
    id: 'mi300x-platform',
    name: 'AMD MI300X platform (8x MI300X)',
    description: 'Eight MI300X GPUs on Infinity Fabric in a universal baseboard server.',
    chip: mi300x,
    chipCount: q(8, `${AMD_MI300X}: MI300X Platform, 8 GPUs`),
    capacityTier: {
      name: 'host DRAM',
      bytes: q(2 * TB, 'ASSUMPTION: host memory depends on the OEM server; 2 TB as in a DGX'),
      copyBandwidth: q(64 * GB, 'ASSUMPTION: as the paper models a DGX switch, one PCIe Gen5 x16 link for the node'),
      perChipCopyBandwidth: q(64 * GB, `${AMD_MI300X}: PCIe Gen5 x16, 64 GB/s each way per GPU`),
    },
    interconnect: {
      bandwidth: q(
        448 * GB,
        `${AMD_MI300X}: 896 GB/s aggregate peer Infinity Fabric bandwidth per GPU, 448 GB/s each way`,
      ),
    },
    execution: GPU_EXECUTION,
  },
  'vllm-rocm-2024',
)
