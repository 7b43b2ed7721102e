import { describe, expect, it } from 'vitest'
import { resolveSpec } from '../../../../../main/sim/assumptions'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import { kernelWork } from '../../../../../main/sim/perf/kernelTime'

const scenario = { assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' as const } }
const a100 = resolveSpec(SYSTEM_PRESETS['dgx-a100'], scenario, { chips: 1 })
const sn40l = resolveSpec(SYSTEM_PRESETS['sn40l-node'], scenario, { chips: 1 })

describe('kernel work', () => {
  it('on a GPU: a ramp, then compute and memory combined in quadrature', () => {
    // A100 kernels: 312e12 * 0.76 = 237.12e12 FLOP/s, 2.039e12 * 0.8 = 1.6312e12 B/s, 3 µs ramp.
    // 23.1e9 FLOPs take 97.42 µs, 180e6 bytes 110.35 µs: 3 + √(97.42² + 110.35²) = 150.2 µs
    // (the profiled 128-token mlp_up of Llama-2-7B takes 157 µs; max(c, m) would say 110 µs).
    const work = kernelWork(23.1e9, 180e6, a100)
    const c = 23.1e9 / 237.12e12
    const m = 180e6 / 1.6312e12
    expect(work.computeSeconds).toBeCloseTo(c, 15)
    expect(work.memorySeconds).toBeCloseTo(m, 15)
    expect(work.seconds).toBeCloseTo(3e-6 + Math.hypot(c, m), 15)
  })

  it('a small kernel reaches a fraction of the bandwidth: the ramp dominates', () => {
    // 4.2 MB (one o_proj GEMV at TP8): 2.57 µs of streaming after a 3 µs ramp, 46% of the rate.
    const work = kernelWork(0, 4.2e6, a100)
    expect(work.memorySeconds / work.seconds).toBeCloseTo(2.5748 / 5.5748, 3)
  })

  it('on the SN40L the ideal roofline: max(c, m), no ramp', () => {
    const work = kernelWork(638e9, 1.53e9, sn40l)
    // 638e9 / (638e12 * 0.9) = 1.111 ms; 1.53e9 / (1.8e12 * 0.85) = 1 ms
    expect(work.seconds).toBeCloseTo(1 / 0.9 / 1000, 12)
  })

  it('never rounds a kernel to nothing: a large overlap exponent tends to max(c, m)', () => {
    // 8 MB on an H100-class chip: m = 8e6 / (3.35e12 · 0.85) = 2.81 µs; (m^64)^(1/64) underflows
    // unless scaled. p = 64 gives max(c, m) within 1%, plus the ramp.
    const h100 = resolveSpec(SYSTEM_PRESETS['dgx-h100'], scenario, { chips: 1, overlapExponent: 64, kernelRamp: 0 })
    const work = kernelWork(1e9, 8e6, h100) // c = 1.4 µs
    expect(work.seconds).toBeGreaterThanOrEqual(work.memorySeconds)
    expect(work.seconds).toBeLessThan(work.memorySeconds * 1.01)
  })

  it('pays one ramp per device kernel: an eager operator launches several', () => {
    expect(kernelWork(0, 4.2e6, a100, 0, 8).seconds - kernelWork(0, 4.2e6, a100).seconds).toBeCloseTo(7 * 3e-6, 15)
  })
})
