import { describe, expect, it } from 'vitest'
import { decimateLttb, MAX_LINE_POINTS } from '../../../../../renderer/src/charts/mappers/decimate'
import { servingCdfChartData } from '../../../../../renderer/src/charts/mappers/servingCdf'
import { servingSeriesChartData } from '../../../../../renderer/src/charts/mappers/servingSeries'
import { servingSystem } from '../../servingFixtures'

const line = (count: number, y: (i: number) => number = (i) => i) =>
  Array.from({ length: count }, (_, i) => ({ x: i, y: y(i) }))

describe('decimateLttb', () => {
  it('returns a copy of a line that is short enough', () => {
    const points = line(5)
    const kept = decimateLttb(points, 5)
    expect(kept).toEqual(points)
    expect(kept).not.toBe(points)
  })

  it.each([
    [100_000, 1000],
    [100_000, 3],
    [1001, 1000],
    [10, 2],
  ])('keeps exactly the threshold of %i points at %i, first and last among them', (count, threshold) => {
    const points = line(count, (i) => Math.sin(i / 50))
    const kept = decimateLttb(points, threshold)
    expect(kept).toHaveLength(threshold)
    expect(kept[0]).toBe(points[0])
    expect(kept.at(-1)).toBe(points.at(-1))
    // x stays in order: each kept point comes from a later bucket than the one before
    kept.slice(1).forEach((point, i) => expect(point.x).toBeGreaterThan(kept[i]!.x))
  })

  it('keeps a lone spike, which a stride would miss', () => {
    // 10 points, flat but one spike at x = 5; 4 kept: buckets of (10 − 2) / 2 = 4 points,
    // [1..4] and [5..8]. Bucket 1 against (0, 0) and the next bucket's mean (6.5, 25): area 25·x,
    // largest at x = 4. Bucket 2 against (4, 0) and the last point (9, 0): area 5·y, the spike.
    const points = line(10, (i) => (i === 5 ? 100 : 0))
    expect(decimateLttb(points, 4).map((point) => point.x)).toEqual([0, 4, 5, 9])
  })

  it('picks by a projected x: on a log axis the decades weigh alike', () => {
    const points = [1, 10, 100, 1000, 10000].map((x) => ({ x, y: Math.log10(x) }))
    expect(decimateLttb(points, 3, Math.log10)).toHaveLength(3)
  })
})

describe('serving line mappers stay under the point bound', () => {
  const long = servingSystem('sn40l-node', 'SN40L node', {
    series: {
      waiting: line(100_000).map(({ x, y }) => ({ time: x, value: y % 7 })),
      resident: [],
      switches: [],
      latency: [],
    },
    e2eCdf: line(100_000).map(({ x }) => ({ seconds: (x + 1) / 1000, fraction: (x + 1) / 100_000 })),
  })

  it('draws at most MAX_LINE_POINTS of a 100,000-point series, and fast', () => {
    const started = performance.now()
    const data = servingSeriesChartData([long], 'waiting')
    expect(data.datasets[0]!.data).toHaveLength(MAX_LINE_POINTS)
    expect(data.datasets[0]!.data[0]).toEqual({ x: 0, y: 0 })
    expect(data.datasets[0]!.data.at(-1)).toEqual({ x: 99_999, y: 99_999 % 7 })
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('takes a smaller bound when given one', () => {
    expect(servingSeriesChartData([long], 'waiting', 200).datasets[0]!.data).toHaveLength(200)
    expect(servingCdfChartData([long], 200).datasets[0]!.data).toHaveLength(200)
  })

  it('thins a 100,000-point CDF and keeps both of its ends', () => {
    const data = servingCdfChartData([long]).datasets[0]!.data
    expect(data).toHaveLength(MAX_LINE_POINTS)
    expect(data[0]).toEqual({ x: 0.001, y: 0.00001 })
    expect(data.at(-1)).toEqual({ x: 100, y: 1 })
  })
})
