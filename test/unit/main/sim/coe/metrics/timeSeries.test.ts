import { describe, expect, it } from 'vitest'
import { createTimeSeries } from '../../../../../../main/sim/coe/metrics/timeSeries'

const times = (series: ReturnType<typeof createTimeSeries>) => series.points().map((point) => point.time)

describe('createTimeSeries', () => {
  it('keeps the first sample at or after each sampling instant', () => {
    const series = createTimeSeries({ maxPoints: 10, initialInterval: 1 })
    // instants 0, 1, 2, 3: kept at 0, 1.2 (first ≥ 1), 2.5 (first ≥ 2), 3 (exactly); 0.5, 1.9, 2.7 are skipped
    for (const [time, value] of [
      [0, 10],
      [0.5, 11],
      [1.2, 12],
      [1.9, 13],
      [2.5, 14],
      [2.7, 15],
      [3, 16],
    ] as const) {
      series.sample(time, value)
    }
    expect(series.points()).toEqual([
      { time: 0, value: 10 },
      { time: 1.2, value: 12 },
      { time: 2.5, value: 14 },
      { time: 3, value: 16 },
    ])
  })

  it('skips instants that a gap jumps over', () => {
    const series = createTimeSeries({ maxPoints: 10, initialInterval: 1 })
    // after 0.5 the next instant is 1; 4.2 is kept and the next instant becomes 5
    for (const time of [0.5, 4.2, 4.9, 5]) series.sample(time, time)
    expect(times(series)).toEqual([0.5, 4.2, 5])
  })

  it('halves the points and doubles the interval when full', () => {
    const series = createTimeSeries({ maxPoints: 4, initialInterval: 1 })
    // t = 0..3 fill [0,1,2,3]; at t = 4: halve → [0,2], Δ = 2, next 4 → keep 4; t = 5 skipped; t = 6 kept → [0,2,4,6]
    for (let t = 0; t <= 6; t++) series.sample(t, t * 10)
    expect(series.points()).toEqual([
      { time: 0, value: 0 },
      { time: 2, value: 20 },
      { time: 4, value: 40 },
      { time: 6, value: 60 },
    ])
    // t = 8: halve → [0,4], Δ = 4, next 8 → keep 8; 9..11 skipped; 12 kept
    for (let t = 7; t <= 12; t++) series.sample(t, t * 10)
    expect(times(series)).toEqual([0, 4, 8, 12])
  })

  it('with an odd maximum, halving keeps the even indices, the newest included', () => {
    const series = createTimeSeries({ maxPoints: 5, initialInterval: 1 })
    // [0..4] full; t = 5: halve → [0,2,4], Δ = 2, next 6 → 5 skipped; 6 and 8 kept → [0,2,4,6,8]
    for (let t = 0; t <= 8; t++) series.sample(t, t)
    expect(times(series)).toEqual([0, 2, 4, 6, 8])
  })

  it('never holds more than maxPoints after a million samples, evenly spread', () => {
    const series = createTimeSeries({ maxPoints: 100, initialInterval: 0.001 })
    for (let i = 0; i < 1_000_000; i++) series.sample(i * 0.001, i)
    const points = series.points()
    expect(points.length).toBeLessThanOrEqual(100)
    // span 999.999 s over ≤ 100 points: the interval doubled to 0.001 × 2^14 = 16.384 s; 999.999 / 16.384 → 62 points
    expect(points.length).toBe(62)
    expect(points[0]!.time).toBe(0)
    const gaps = points.slice(1).map((point, i) => point.time - points[i]!.time)
    for (const gap of gaps) expect(gap).toBeCloseTo(16.384, 6)
  })

  it('returns copies', () => {
    const series = createTimeSeries({ maxPoints: 4, initialInterval: 1 })
    series.sample(0, 1)
    series.points()[0]!.value = 99
    expect(series.points()[0]!.value).toBe(1)
  })

  it('throws when time goes backwards, even between kept samples', () => {
    const series = createTimeSeries({ maxPoints: 4, initialInterval: 10 })
    series.sample(0, 0)
    series.sample(3, 0)
    expect(() => series.sample(2, 0)).toThrow(/time went backwards, from 3 s to 2 s/)
  })

  it.each([
    [{ maxPoints: 1, initialInterval: 1 }, /maxPoints/],
    [{ maxPoints: 2.5, initialInterval: 1 }, /maxPoints/],
    [{ maxPoints: 4, initialInterval: 0 }, /initialInterval/],
    [{ maxPoints: 4, initialInterval: Number.NaN }, /initialInterval/],
  ])('refuses %o', (options, message) => {
    expect(() => createTimeSeries(options)).toThrow(message)
  })
})
