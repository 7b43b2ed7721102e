import { q } from '../../quantity'
import { GB, MB, TB, TERA } from '../../units'
import { presetOn, type SiliconSpec } from './onStack'
import { gpuExecution } from './gpuExecution'
import { AMD_MI300X, VIDUR_PROFILES } from './sources'
import { PCIE_GEN5_X16 } from '../pcie'

export const mi300x: SiliconSpec['chip'] = {
  name: 'AMD Instinct MI300X',
  family: 'mi300x',
  peakFlops: q(1307.4 * TERA, `${AMD_MI300X}: 1307.4 TFLOP/s dense BF16`),
  precisionPeaks: {
    fp16: q(1307.4 * TERA, `${AMD_MI300X}: 1307.4 TFLOP/s dense FP16 (2614.9 with sparsity)`),
    fp8: q(2614.9 * TERA, `${AMD_MI300X}: 2614.9 TFLOP/s dense FP8 (5229.8 with sparsity)`),
    int8: q(2614.9 * TERA, `${AMD_MI300X}: 2614.9 TOPS dense INT8 (5229.8 with sparsity)`),
  },
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
      copyBandwidth: q(
        PCIE_GEN5_X16.value,
        `ASSUMPTION: as the paper models a DGX switch, one PCIe Gen5 x16 link for the node (64 GB/s nominal), here at that link's achievable rate. ${PCIE_GEN5_X16.source}`,
      ),
      perChipCopyBandwidth: q(
        PCIE_GEN5_X16.value,
        `${AMD_MI300X}: PCIe Gen5 x16 host interface per GPU, at its achievable rate. ${PCIE_GEN5_X16.source}`,
      ),
      chipsPerHostLink: q(
        1,
        `${AMD_MI300X}: a PCIe Gen5 x16 host interface per GPU; ASSUMPTION: each GPU on its own x16 link to a CPU root port, no PCIe switch sharing an uplink (OEM servers that put GPUs behind switches share them)`,
      ),
    },
    interconnect: {
      bandwidth: q(
        448 * GB,
        `${AMD_MI300X}: 896 GB/s aggregate peer Infinity Fabric bandwidth per GPU, 448 GB/s each way`,
      ),
      // RCCL is NCCL's port: the same ring protocols, taken with NVLink's latencies (no public RCCL table).
      collectiveAlgorithm: 'ncclRing',
    },
    execution: gpuExecution(
      q(
        2.5e-6,
        `ASSUMPTION: no public MI300X kernel profile; the H100's kernel ramp (${VIDUR_PROFILES}), a chip of its class`,
      ),
    ),
  },
  'vllm-rocm-2024',
)
