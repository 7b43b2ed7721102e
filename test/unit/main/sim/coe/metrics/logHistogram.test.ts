import { describe, expect, it } from 'vitest'
import { BUCKETS, LogHistogram, bucketLow, bucketOf } from '../../../../../../main/sim/coe/metrics/logHistogram'

describe('LogHistogram buckets', () => {
  it('start each octave at a power of two: 1 s, 0.5 s and 2^-19 s are bucket edges', () => {
    for (const edge of [1, 0.5, 2 ** -19]) expect(bucketLow(bucketOf(edge))).toBe(edge)
    // 2^-20 s opens the first bucket, which reaches down to 0
    expect(bucketOf(2 ** -20)).toBe(0)
    expect(bucketLow(0)).toBe(0)
  })

  it('are 2^-10 of their octave wide: 1 + 1/1024 s starts the bucket after 1 s', () => {
    expect(bucketOf(1 + 1 / 1024)).toBe(bucketOf(1) + 1)
    expect(bucketOf(1 + 1 / 2048)).toBe(bucketOf(1))
  })

  it('send 0, -0 and anything below 2^-20 s to the first bucket, 2^14 s and beyond to the last', () => {
    for (const small of [0, -0, 1e-9, 2 ** -21]) expect(bucketOf(small)).toBe(0)
    for (const large of [2 ** 14, 1e9, Number.MAX_VALUE]) expect(bucketOf(large)).toBe(BUCKETS - 1)
  })

  it('have a width of at most 0.1 % of their lower edge', () => {
    for (let b = 1; b < BUCKETS - 1; b += 97) {
      const low = bucketLow(b)
      expect((bucketLow(b + 1) - low) / low).toBeLessThanOrEqual(2 ** -10)
    }
  })
})

describe('LogHistogram.valuesAt', () => {
  it('finds the value of rank ⌈f·n⌉ in one pass: 1..100 s at 0.01, 0.5 and 1', () => {
    const histogram = new LogHistogram()
    for (let s = 1; s <= 100; s++) histogram.record(s)
    const [p1, p50, p100] = histogram.valuesAt([0.01, 0.5, 1])
    expect(Math.abs(p1! - 1)).toBeLessThan(1e-3)
    expect(Math.abs(p50! - 50) / 50).toBeLessThan(5e-4)
    expect(Math.abs(p100! - 100) / 100).toBeLessThan(5e-4)
    expect(histogram.total).toBe(100)
  })
})
