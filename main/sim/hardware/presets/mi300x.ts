import { q } from '../../quantity'
import { GB, MB, TB, TERA } from '../../units'
import type { ChipSpec, SystemSpec } from '../schema'
import { dgxH100 } from './dgxH100'
import { AMD_MI300X, GPU_GEMM_EFFICIENCY_ASSUMPTION } from './sources'

/** No published NeMo-like table for MI300X: the H100 stack fit stands in, and says so. */
const FROM_H100 = 'ASSUMPTION: no comparable published latency table; the DGX H100 software-stack fit carried over'

export const mi300x: ChipSpec = {
  name: 'AMD Instinct MI300X',
  peakFlops: q(1307.4 * TERA, `${AMD_MI300X}: 1307.4 TFLOP/s dense BF16`),
  sramBytes: q(256 * MB, `${AMD_MI300X}: 256 MB AMD Infinity Cache`),
  hbmBytes: q(192 * GB, `${AMD_MI300X}: 192 GB HBM3`),
  hbmBandwidth: q(5.3 * TB, `${AMD_MI300X}: 5.3 TB/s`),
  computeEfficiency: q(0.7, GPU_GEMM_EFFICIENCY_ASSUMPTION),
  memoryEfficiency: q(dgxH100.chip.memoryEfficiency.value, FROM_H100),
}

export const mi300xPlatform: SystemSpec = {
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
    allReduceLatency: q(dgxH100.interconnect.allReduceLatency.value, FROM_H100),
  },
  execution: {
    ...dgxH100.execution,
    sequenceStepOverhead: q(dgxH100.execution.sequenceStepOverhead.value, FROM_H100),
    stepOverhead: q(dgxH100.execution.stepOverhead.value, FROM_H100),
  },
}
