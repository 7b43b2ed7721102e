import { describe, expect, it } from 'vitest'
import { allGatherSeconds, allReduceSeconds } from '../../../../../main/sim/perf/collectives'

const link = { chips: 8, bandwidth: 100e9, hopLatency: 1e-6 }

describe('ring collectives', () => {
  it('all-reduce: 2(n−1) ring steps of latency + 2(n−1)/n of the buffer over the link', () => {
    // 14 steps * 1 µs + 2 * 7/8 * 8e6 / 100e9 = 14e-6 + 140e-6 = 154e-6 s
    expect(allReduceSeconds(8e6, link)).toBeCloseTo(154e-6, 12)
  })
  it('all-gather: n−1 ring steps of latency + (n−1)/n of the gathered buffer', () => {
    // 7 * 1 µs + 7/8 * 8e6 / 100e9 = 7e-6 + 70e-6 = 77e-6 s
    expect(allGatherSeconds(8e6, link)).toBeCloseTo(77e-6, 12)
  })
  it('pays more latency on a longer ring', () => {
    // 2 chips: 2 steps; 8 chips: 14 steps
    expect(allReduceSeconds(1, { ...link, chips: 2 })).toBeLessThan(allReduceSeconds(1, link))
  })
  it('costs nothing on one chip or for an empty buffer', () => {
    expect(allReduceSeconds(8e6, { ...link, chips: 1 })).toBe(0)
    expect(allGatherSeconds(0, link)).toBe(0)
  })
})
