import { q } from '../../quantity'
import { GB, MB, TB, TERA } from '../../units'
import { presetOn, type SiliconSpec } from './onStack'
import { gpuExecution } from './gpuExecution'
import { DGX_HOPPER_TOPOLOGY_ASSUMPTION, NV_DGX, NV_H100, PAPER_SEC_VI_C, VIDUR_PROFILES } from './sources'
import { PCIE_GEN5_X16 } from '../pcie'

export const h100Sxm80: SiliconSpec['chip'] = {
  name: 'H100 80GB SXM5',
  family: 'h100',
  peakFlops: q(989 * TERA, `${NV_H100}: 989 TFLOP/s dense BF16`),
  // The datasheet quotes with sparsity; dense is half.
  precisionPeaks: {
    fp16: q(989.4 * TERA, `${NV_H100}: 989.4 TFLOP/s dense FP16 (1979 with sparsity)`),
    fp8: q(1979 * TERA, `${NV_H100}: 1979 TFLOP/s dense FP8 (3958 with sparsity)`),
    int8: q(1979 * TERA, `${NV_H100}: 1979 TOPS dense INT8 (3958 with sparsity)`),
  },
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
        PCIE_GEN5_X16.value,
        `${PAPER_SEC_VI_C}: a model switch is modelled over one PCIe Gen5 x16 link for the node (64 GB/s nominal), here at that link's achievable rate. ${PCIE_GEN5_X16.source}`,
      ),
      perChipCopyBandwidth: q(
        PCIE_GEN5_X16.value,
        `${NV_H100}: PCIe Gen5 x16 host link per GPU, at its achievable rate. ${PCIE_GEN5_X16.source}`,
      ),
      chipsPerHostLink: q(2, DGX_HOPPER_TOPOLOGY_ASSUMPTION),
    },
    interconnect: {
      bandwidth: q(450 * GB, `${NV_H100}: NVLink 900 GB/s bidirectional, 450 GB/s each way`),
      collectiveAlgorithm: 'ncclRing',
    },
    execution: gpuExecution(
      q(
        2.5e-6,
        `${VIDUR_PROFILES}: Llama-2-7B at TP8, the smallest kernels (a 4 MB o_proj GEMV takes 4 µs where 0.85 × 3.35 TB/s moves it in 1.5 µs; adds of a few KB take 1–2 µs)`,
      ),
    ),
  },
  'nemo-2023',
)
