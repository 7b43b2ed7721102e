import { describe, expect, it } from 'vitest'
import { allGatherSeconds, allReduceSeconds } from '../../../../../main/sim/perf/collectives'

const link = { chips: 8, bandwidth: 100e9, latency: 10e-6 }

describe('ring collectives', () => {
  it('all-reduce: latency + 2(n−1)/n of the buffer over the link', () => {
    // 10e-6 + 2 * 7/8 * 8e6 / 100e9 = 10e-6 + 140e-6 = 150e-6 s
    expect(allReduceSeconds(8e6, link)).toBeCloseTo(150e-6, 12)
  })
  it('all-gather: latency + (n−1)/n of the gathered buffer', () => {
    // 10e-6 + 7/8 * 8e6 / 100e9 = 80e-6 s
    expect(allGatherSeconds(8e6, link)).toBeCloseTo(80e-6, 12)
  })
  it('costs nothing on one chip or for an empty buffer', () => {
    expect(allReduceSeconds(8e6, { ...link, chips: 1 })).toBe(0)
    expect(allGatherSeconds(0, link)).toBe(0)
  })
})
