import { q } from '../../quantity'
import { GB, MB, TB, TERA } from '../../units'
import { presetOn, type SiliconSpec } from './onStack'
import { gpuExecution } from './gpuExecution'
import { NV_A100, NV_DGX, NV_DGX_A100_TOPOLOGY, PAPER_SEC_VI_C, VIDUR_PROFILES } from './sources'
import { PCIE_GEN4_X16 } from '../pcie'

export const a100Sxm80: SiliconSpec['chip'] = {
  name: 'A100 80GB SXM4',
  family: 'a100',
  peakFlops: q(312 * TERA, `${NV_A100}: 312 TFLOP/s dense BF16`),
  // No FP8: Ampere's tensor cores have none (the datasheet lists FP16, BF16, TF32, INT8, INT4).
  precisionPeaks: {
    fp16: q(312 * TERA, `${NV_A100}: 312 TFLOP/s dense FP16 (624 with sparsity)`),
    int8: q(624 * TERA, `${NV_A100}: 624 TOPS dense INT8 (1248 with sparsity)`),
  },
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
        PCIE_GEN4_X16.value,
        `${PAPER_SEC_VI_C}: a model switch is modelled over one PCIe Gen4 x16 link for the node (32 GB/s nominal), here at that link's achievable rate. ${PCIE_GEN4_X16.source}`,
      ),
      perChipCopyBandwidth: q(
        PCIE_GEN4_X16.value,
        `${NV_A100}: PCIe Gen4 x16 host link per GPU, at its achievable rate. ${PCIE_GEN4_X16.source}`,
      ),
      chipsPerHostLink: q(2, NV_DGX_A100_TOPOLOGY),
    },
    interconnect: {
      bandwidth: q(300 * GB, `${NV_A100}: NVLink 600 GB/s bidirectional, 300 GB/s each way`),
      collectiveAlgorithm: 'ncclRing',
    },
    execution: gpuExecution(
      q(
        3e-6,
        `${VIDUR_PROFILES}: Llama-2-7B at TP8, the smallest kernels (a 4 MB o_proj GEMV takes 6 µs where 0.8 × 2.04 TB/s moves it in 2.6 µs; norms and adds of a few KB take 2–5 µs)`,
      ),
    ),
  },
  'nemo-2023',
)
