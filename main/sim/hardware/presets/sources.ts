/** Citations shared by the presets; tags as in ../shared/reference/sn40l-paper.md. */
export const PAPER_TABLE_II = '[P Table II] Prabhakar et al., SambaNova SN40L, MICRO 2024 (arXiv 2405.07518)'
export const PAPER_SEC_I = '[P Sec. I] SN40L paper, introduction'
export const PAPER_SEC_IV_D = '[P Sec. IV-D] SN40L paper, kernel execution'
export const PAPER_SEC_VI_C = '[P Sec. VI-C] SN40L paper'

export const NV_A100 = '[NV] NVIDIA A100 datasheet, via glennklockwood.com/garden/processors/A100'
export const NV_H100 = '[NV] NVIDIA H100 datasheet, via glennklockwood.com/garden/processors/H100'
export const NV_H200 = '[NV] NVIDIA H200 Tensor Core GPU datasheet (2024)'
export const NV_DGX = '[NV] NVIDIA DGX A100 / DGX H100 / DGX H200 system datasheets'
export const AMD_MI300X = '[AMD] AMD Instinct MI300X data sheet and MI300X Platform data sheet (2023)'

/** Shared by the GPU presets: nothing in the paper fixes how close cuBLAS GEMMs get to peak. */
export const GPU_GEMM_EFFICIENCY_ASSUMPTION =
  'ASSUMPTION: achieved fraction of dense BF16 peak on large GEMMs; no figure in the paper, override per scenario'

/** Host-link topology: which GPUs share a PCIe switch's uplink to the CPUs. */
export const NV_DGX_A100_TOPOLOGY =
  '[NV] NVIDIA DGX A100 System Architecture technical white paper (2020), system topology: four PCIe Gen4 switches for the eight GPUs, two GPUs on each, each switch with one Gen4 x16 uplink to a CPU'
export const DGX_HOPPER_TOPOLOGY_ASSUMPTION =
  'ASSUMPTION: two GPUs share each PCIe Gen5 switch and its Gen5 x16 uplink to a CPU, as on the DGX A100 (four switches for eight GPUs); not checked against the DGX H100/H200 user guide’s topology, override chipsPerHostLink in a custom system'

/** Measured per-operator kernel times on A100 and H100 (the shipped `--kernels` set). */
export const VIDUR_PROFILES =
  '[Vidur] Microsoft Vidur per-operator kernel profiles (github.com/microsoft/vidur, data/profiling/, 2024; MIT)'
