import { describe, expect, it } from 'vitest'
import { allGatherSeconds, allReduceSeconds, collectiveTime, type Link } from '../../../../../main/sim/perf/collectives'

// NCCL ring on 8 chips at 100 GB/s nominal: 80 GB/s of bus bandwidth (busEfficiency 0.8).
const nccl: Link = { chips: 8, bandwidth: 100e9, callLatency: 0, algorithm: 'ncclRing', stepScale: 1 }
const p2p: Link = { chips: 8, bandwidth: 100e9, callLatency: 0, algorithm: 'halvingDoubling', stepScale: 1 }

describe('collectives by algorithm and protocol', () => {
  it('a decode-sized all-reduce takes NCCL’s LL protocol: base + 0.6 µs per step', () => {
    // 8 kB: 2·7/8 · 8e3 = 14e3 bytes per link. LL: 6.6 + 14 · 0.6 = 15 µs + 14e3 / (80e9 / 4) = 0.7 µs.
    const time = collectiveTime('allReduce', 8e3, nccl)
    expect(time.protocol).toBe('LL')
    expect(time.latency + time.transfer).toBeCloseTo(15.7e-6, 12)
  })

  it('a large all-reduce takes Simple at the bus bandwidth', () => {
    // 64 MB: 112e6 bytes per link. Simple: 8.4 + 14 · 3.4 = 56 µs + 112e6 / 80e9 = 1400 µs;
    // LL128 would take 14 + 14 · 1.9 = 40.6 µs + 112e6 / (80e9 · 0.92) = 1521.7 µs.
    const time = collectiveTime('allReduce', 64e6, nccl)
    expect(time.protocol).toBe('Simple')
    expect(allReduceSeconds(64e6, nccl)).toBeCloseTo(1456e-6, 12)
  })

  it('an all-gather pays n − 1 steps and a third of the bandwidth in LL', () => {
    // 8 kB: 7/8 · 8e3 = 7e3 bytes. LL: 6.6 + 7 · 0.6 = 10.8 µs + 7e3 / (80e9 / 3) = 0.2625 µs.
    expect(allGatherSeconds(8e3, nccl)).toBeCloseTo(11.0625e-6, 12)
  })

  it('adds the stack’s call latency to whichever protocol wins', () => {
    expect(allReduceSeconds(8e3, { ...nccl, callLatency: 20e-6 })).toBeCloseTo(35.7e-6, 12)
  })

  it('grows by a step latency, not a ring, from 4 to 8 GPUs for small messages', () => {
    // LL: 4 GPUs 6.6 + 6 · 0.6 = 10.2 µs + 3e3 / 20e9 = 0.15 µs; 8 GPUs 15 µs + 3.5e3 / 20e9 = 0.175 µs
    // (a ring step of 3.4 µs would add 27 µs).
    const four = allReduceSeconds(2e3, { ...nccl, chips: 4 })
    const eight = allReduceSeconds(2e3, nccl)
    expect(eight - four).toBeCloseTo(4.825e-6, 12)
  })

  it('halving-doubling pays 2⌈log₂ n⌉ exchanges: 6 on 8 sockets, 8 on 16', () => {
    // 8 kB on 8: 6 · 1.5 µs + 14e3 / 100e9 = 9.14 µs; on 16: 8 · 1.5 µs + 2·15/16 · 8e3 / 100e9 = 12.15 µs.
    expect(allReduceSeconds(8e3, p2p)).toBeCloseTo(9.14e-6, 12)
    expect(allReduceSeconds(8e3, { ...p2p, chips: 16 })).toBeCloseTo(12.15e-6, 12)
  })

  it('costs nothing on one chip or for an empty buffer', () => {
    expect(allReduceSeconds(8e6, { ...nccl, chips: 1 })).toBe(0)
    expect(allGatherSeconds(0, nccl)).toBe(0)
  })

  it('scales every protocol’s step latency with an override of the reference one', () => {
    // P2P exchanges of 3 µs instead of 1.5: 6 · 3 µs + 0.14 µs on 8 sockets.
    expect(allReduceSeconds(8e3, { ...p2p, stepScale: 2 })).toBeCloseTo(18.14e-6, 12)
  })
})
