import { describe, expect, it } from 'vitest'
import { createLatencyTally } from '../../../../../../main/sim/coe/metrics/latency'

/** 1, 2, …, 1000 ms: one of each. */
function uniformMilliseconds() {
  const tally = createLatencyTally()
  for (let ms = 1; ms <= 1000; ms++) tally.record(ms / 1000)
  return tally
}

describe('createLatencyTally', () => {
  it('gives zeros and an empty CDF when nothing was recorded', () => {
    const tally = createLatencyTally()
    expect(tally.count).toBe(0)
    expect(tally.summary()).toEqual({ count: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 })
    expect(tally.cdf()).toEqual([])
  })

  it.each([
    // the k-th of 1000 sorted values is k ms; buckets 2^-10 wide keep each within 0.05 %
    ['p50', 0.5],
    ['p90', 0.9],
    ['p99', 0.99],
  ] as const)('%s of 1..1000 ms is within 0.2 %% of the exact value', (key, exact) => {
    const value = uniformMilliseconds().summary()[key]
    expect(Math.abs(value - exact) / exact).toBeLessThan(0.002)
  })

  it('keeps count, mean and max exact', () => {
    const summary = uniformMilliseconds().summary()
    expect(summary.count).toBe(1000)
    // mean = (1 + 1000) / 2 ms = 500.5 ms
    expect(summary.mean).toBeCloseTo(0.5005, 12)
    expect(summary.max).toBe(1)
  })

  it('keeps the exact mean and max of values the histogram rounds', () => {
    const tally = createLatencyTally()
    // 0.4 µs shares the lowest bucket; 1.2345678 s is stored to within a 2^-10 bucket
    tally.record(0.4e-6)
    tally.record(1.2345678)
    // mean = (0.0000004 + 1.2345678) / 2 = 0.6172841
    expect(tally.summary().mean).toBeCloseTo(0.6172841, 12)
    expect(tally.summary().max).toBe(1.2345678)
    expect(tally.summary().p99).toBeLessThanOrEqual(1.2345678)
  })

  it('puts latencies beyond 2^14 s in the top bucket, reporting them within the exact min and max', () => {
    const tally = createLatencyTally()
    for (const seconds of [2e4, 3e4, 5e4]) tally.record(seconds)
    // one bucket holds all three: its middle (just under 2^14 = 16384 s) is clamped up to the min
    expect(tally.summary().p50).toBe(2e4)
    expect(tally.summary().p99).toBe(2e4)
    expect(tally.summary().max).toBe(5e4)
  })

  it('keeps each of 1.5, 15 and 150 ms within 0.05 % at p50 when alone', () => {
    for (const seconds of [0.0015, 0.015, 0.15]) {
      const tally = createLatencyTally()
      tally.record(seconds)
      tally.record(seconds * 1.0001) // the same bucket: the p50 is the bucket's middle, clamped
      expect(Math.abs(tally.summary().p50 - seconds) / seconds).toBeLessThan(0.0005)
    }
  })

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s s', (seconds) => {
    expect(() => createLatencyTally().record(seconds)).toThrow(/finite number of seconds ≥ 0/)
  })

  describe('cdf', () => {
    it.each([1, 10, 50, 200])('has at most %i monotone points ending at fraction 1 and the max', (points) => {
      const curve = uniformMilliseconds().cdf(points)
      expect(curve.length).toBeGreaterThan(0)
      expect(curve.length).toBeLessThanOrEqual(points)
      for (let i = 1; i < curve.length; i++) {
        expect(curve[i]!.seconds).toBeGreaterThanOrEqual(curve[i - 1]!.seconds)
        expect(curve[i]!.fraction).toBeGreaterThan(curve[i - 1]!.fraction)
      }
      expect(curve.at(-1)).toEqual({ seconds: 1, fraction: 1 })
    })

    it('places the tenth points of 1..1000 ms near k × 100 ms', () => {
      const curve = uniformMilliseconds().cdf(10)
      // fraction k/10 is reached at the (100k)-th value, 100k ms
      curve.forEach((point, i) => {
        expect(point.fraction).toBeCloseTo((i + 1) / 10, 12)
        expect(Math.abs(point.seconds - (i + 1) / 10) / ((i + 1) / 10)).toBeLessThan(0.002)
      })
    })

    it('shows a single repeated value as one step', () => {
      const tally = createLatencyTally()
      for (let i = 0; i < 5; i++) tally.record(0.25)
      expect(tally.cdf(20)).toEqual([{ seconds: 0.25, fraction: 1 }])
    })

    it.each([0, 2.5, -3])('refuses %s points', (points) => {
      expect(() => uniformMilliseconds().cdf(points)).toThrow(/whole number ≥ 1/)
    })
  })

  it('keeps a bounded footprint after 2,000,000 latencies', () => {
    const tally = createLatencyTally()
    const before = tally.estimatedFootprintBytes
    // a deterministic spread from 1 µs to ~2000 s: i^1.5 µs
    for (let i = 1; i <= 2_000_000; i++) tally.record(i ** 1.5 / 1e6)
    expect(tally.count).toBe(2_000_000)
    expect(tally.estimatedFootprintBytes).toBe(before)
    expect(tally.estimatedFootprintBytes).toBeLessThan(1_000_000)
    expect(tally.cdf(50).length).toBeLessThanOrEqual(50)
  })
})
