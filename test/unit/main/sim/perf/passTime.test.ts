import { describe, expect, it } from 'vitest'
import { resolveSpec } from '../../../../../main/sim/assumptions'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import type { Operator } from '../../../../../main/sim/models/operators'
import { passTime } from '../../../../../main/sim/perf/passTime'
import type { SystemOverride } from '../../../../../main/sim/scenario/schema'

const assumptions = { assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' as const } }
// One tiny memory-bound kernel: 1.53e6 bytes take 1 µs on an SN40L socket (1.8e12 * 0.85 = 1.53e12 B/s).
const tiny: Operator = {
  name: 'tiny',
  kind: 'elementwise',
  repeat: 10,
  flops: 0,
  weightBytes: 0,
  inputBytes: 0.765e6,
  outputBytes: 0.765e6,
  kvBytes: 0,
  split: true,
  gpuKernel: 'tiny',
  eagerKernels: 2,
  savedBytes: 0,
  kvShards: 1,
  layerKernel: 'decoder_layer',
}
const none = { allReduces: 0, allReduceBytes: 0, allGatherBytes: 0 }
const sn40l = (override: SystemOverride) =>
  resolveSpec(SYSTEM_PRESETS['sn40l-node'], assumptions, { chips: 1, ...override })

describe('passTime', () => {
  it('adds host call overhead per eager kernel when calls are synchronous (RDU, unfused)', () => {
    const { breakdown, kernelCalls } = passTime([tiny], none, 1, sn40l({ mode: 'unfused', hostKernelOverhead: 15e-6 }))
    // 10 instances * (1 µs work + 2 calls * 15 µs)
    expect(breakdown.memory).toBeCloseTo(10e-6, 15)
    expect(breakdown.launch).toBeCloseTo(300e-6, 15)
    expect(kernelCalls).toBe(20)
  })

  it('charges on-chip scheduling in hardware orchestration', () => {
    const { breakdown } = passTime([tiny], none, 1, sn40l({ mode: 'fusedHO', onChipKernelOverhead: 1e-6 }))
    // fused: one call per instance, 1 µs each
    expect(breakdown.launch).toBeCloseTo(10e-6, 15)
  })

  it('hides queued launches behind longer kernels on a GPU, and charges only the excess', () => {
    const h100 = resolveSpec(SYSTEM_PRESETS['dgx-h100'], assumptions, {
      chips: 1,
      mode: 'unfused',
      sequenceStepOverhead: 0,
    })
    // H100 kernels: 3.35e12 * 0.85 = 2.8475e12 B/s, so 1.53e6 bytes take 0.5373 µs, after a 2.5 µs
    // ramp for each of its 2 eager kernels; 2 calls * 4 µs = 8 µs of launches, of which the
    // kernels' 5.54 µs are hidden
    const { breakdown } = passTime([tiny], none, 1, h100)
    expect(breakdown.launch).toBeCloseTo(10 * (8e-6 - (2 * 2.5e-6 + 1.53e6 / 2.8475e12)), 12)
  })

  it('charges collectives in full outside dataflow, and only their latency when a dataflow kernel covers the transfer', () => {
    const collectives = { allReduces: 4, allReduceBytes: 1e3, allGatherBytes: 0 }
    const unfused = passTime([tiny], collectives, 1, sn40l({ chips: 8, mode: 'unfused' }))
    const fused = passTime([tiny], collectives, 1, sn40l({ chips: 8, mode: 'fusedHO' }))
    // each all-reduce, halving-doubling over 8 sockets: 6 exchanges * 1.5 µs + 2 * 7/8 * 1e3 / 100e9
    // = 9 µs + 0.0175 µs; the SambaFlow stack adds no call latency
    expect(unfused.breakdown.collectives).toBeCloseTo(4 * 9.0175e-6, 12)
    expect(fused.breakdown.collectives).toBeCloseTo(4 * 9e-6, 12)
  })

  it('exposes the transfer a dataflow pass cannot hide behind its work', () => {
    // 4 all-reduces of 100 MB: 4 * 1.75 * 1e8 / 100e9 = 7 ms of transfer, 4 * (2 µs call + 9 µs of
    // exchanges) = 44 µs of latency; the tiny kernel works 10 µs, so 7 ms − 10 µs of transfer stays exposed
    const collectives = { allReduces: 4, allReduceBytes: 1e8, allGatherBytes: 0 }
    const fused = passTime([tiny], collectives, 1, sn40l({ chips: 8, mode: 'fusedHO', collectiveLatency: 2e-6 }))
    const work = fused.breakdown.compute + fused.breakdown.memory
    expect(fused.breakdown.collectives).toBeCloseTo(44e-6 + 7e-3 - work, 12)
  })

  it('adds the software stack per pass and per sequence', () => {
    const { breakdown } = passTime([tiny], none, 8, sn40l({ stepOverhead: 1e-3, sequenceStepOverhead: 0.2e-3 }))
    // 1 ms + 8 * 0.2 ms
    expect(breakdown.software).toBeCloseTo(2.6e-3, 12)
  })
})
