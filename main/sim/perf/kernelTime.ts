import type { ResolvedSystem } from '../assumptions'

/** A kernel's time on one chip, split by the roof that binds it. */
export interface KernelWork {
  computeSeconds: number
  memorySeconds: number
  /** The kernel's device time, call overheads aside. */
  seconds: number
}

/**
 * Device time of one kernel on one chip of `system`. Its FLOPs at the achievable compute rate
 * (attention's at the attention kernels' rate) take c, its bytes at the achievable HBM bandwidth m. The ideal roofline says max(c, m); a GPU
 * kernel near the ridge point hides only part of one under the other, so its work takes
 * (c^p + m^p)^(1/p) (p = 0 standing for the ideal), and every device kernel pays a ramp (grid
 * launch, fill, drain) on top — an eager operator launches several: why a decode GEMV of one layer over 8 GPUs reaches half the bandwidth a
 * whole-model one does (docs/MODEL.md "Kernels").
 */
export function kernelWork(
  flopsPerChip: number,
  bytesPerChip: number,
  system: ResolvedSystem,
  attentionFlopsPerChip = 0,
  deviceKernels = 1,
): KernelWork {
  return kernelWorkInto(
    { computeSeconds: 0, memorySeconds: 0, seconds: 0 },
    flopsPerChip,
    bytesPerChip,
    system,
    attentionFlopsPerChip,
    deviceKernels,
  )
}

/** `kernelWork` written into `out`: the pass loop reuses one object instead of allocating one per kernel. */
export function kernelWorkInto(
  out: KernelWork,
  flopsPerChip: number,
  bytesPerChip: number,
  system: ResolvedSystem,
  attentionFlopsPerChip: number,
  deviceKernels: number,
): KernelWork {
  // Attention's matrix products run at the attention kernels' own rate (softmax between them).
  const computeSeconds =
    (flopsPerChip - attentionFlopsPerChip) / (system.peakFlops * system.computeEfficiency) +
    attentionFlopsPerChip / (system.peakFlops * system.attentionEfficiency)
  const memorySeconds = bytesPerChip / (system.spec.chip.hbmBandwidth.value * system.memoryEfficiency)
  const larger = computeSeconds > memorySeconds ? computeSeconds : memorySeconds
  const p = system.overlapExponent
  // Scaled by the larger term: µs raised to a large p would underflow to 0. Hot path: p = 2 without Math.pow.
  let work = larger
  if (p !== 0 && larger > 0) {
    const c = computeSeconds / larger
    const m = memorySeconds / larger
    work = larger * (p === 2 ? Math.sqrt(c * c + m * m) : (c ** p + m ** p) ** (1 / p))
  }
  out.computeSeconds = computeSeconds
  out.memorySeconds = memorySeconds
  out.seconds = deviceKernels * system.kernelRamp + work
  return out
}
