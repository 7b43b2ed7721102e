import { describe, expect, it } from 'vitest'
import {
  isBandLabel,
  sweepAxisScale,
  sweepCrossoverMarkers,
  sweepHeatmaps,
  sweepLineChartData,
  withAlpha,
} from '../../../../../renderer/src/charts/mappers/sweepCharts'
import type { CrossoverDto } from '../../../../../contract/api'
import { point, spread, sweepDetail, sweepSummary } from '../../sweepFixtures'

const COLORS = ['#2563eb', '#f59e0b']

// One axis (experts 10, 100, 1000), two systems; the H100 ran out of memory at 1000 experts.
const oneAxis = sweepDetail(sweepSummary(1, { status: 'finished', done: 3 }), [
  point(2, [1000], { 'sn40l-node': { servingLatencyP50: spread(0.3) }, 'dgx-h100': { servingLatencyP50: null } }),
  point(0, [10], { 'sn40l-node': { servingLatencyP50: spread(0.1) }, 'dgx-h100': { servingLatencyP50: spread(0.2) } }),
  point(1, [100], { 'sn40l-node': { servingLatencyP50: spread(0.2) }, 'dgx-h100': { servingLatencyP50: spread(0.5) } }),
])

describe('sweepAxisScale', () => {
  it.each([
    [[1, 2, 4], 'linear'],
    [[10, 100, 1000], 'logarithmic'], // 1000 / 10 = 100: two decades
    [[0, 10, 1000], 'linear'], // a zero cannot sit on a log axis
    [['lru', 'lfu'], 'category'],
    [[1, 'x'], 'category'],
  ] as const)('%j → %s', (values, expected) => expect(sweepAxisScale(values)).toBe(expected))
})

describe('withAlpha', () => {
  it('turns a hex colour into rgba; leaves others alone', () => {
    // 0x25 = 37, 0x63 = 99, 0xeb = 235
    expect(withAlpha('#2563eb', 0.2)).toBe('rgba(37, 99, 235, 0.2)')
    expect(withAlpha('red', 0.2)).toBe('red')
  })
})

describe('sweepLineChartData', () => {
  it('draws one line per system through the medians, in axis order, leaving out missing values', () => {
    const { scale, data } = sweepLineChartData(oneAxis, 'servingLatencyP50', COLORS, { 'dgx-h100': 'DGX H100' })
    expect(scale).toBe('logarithmic')
    expect(data.labels).toBeUndefined()
    expect(data.datasets.map((dataset) => dataset.label)).toEqual(['sn40l-node', 'DGX H100'])
    expect(data.datasets[0]!.data).toEqual([
      { x: 10, y: 0.1 },
      { x: 100, y: 0.2 },
      { x: 1000, y: 0.3 },
    ])
    expect(data.datasets[1]!.data).toEqual([
      { x: 10, y: 0.2 },
      { x: 100, y: 0.5 },
    ])
    expect(data.datasets[1]!.borderColor).toBe('#f59e0b')
  })

  it('puts a P5–P95 band under each line when there are several seeds', () => {
    const seeded = sweepDetail(
      sweepSummary(2, { seeds: 5, systems: ['sn40l-node'], axes: [{ path: 'a', values: [1, 2] }] }),
      [
        point(0, [1], { 'sn40l-node': { totalSeconds: spread(1, 0.8, 1.3) } }),
        point(1, [2], { 'sn40l-node': { totalSeconds: spread(2, 1.5, 2.6) } }),
      ],
    )
    const { scale, data } = sweepLineChartData(seeded, 'totalSeconds', COLORS)
    expect(scale).toBe('linear')
    const [low, high, line] = data.datasets
    expect(low!.label).toBe('sn40l-node P5')
    expect(low!.data).toEqual([
      { x: 1, y: 0.8 },
      { x: 2, y: 1.5 },
    ])
    expect(high!.data).toEqual([
      { x: 1, y: 1.3 },
      { x: 2, y: 2.6 },
    ])
    expect(high!.fill).toBe('-1') // fill down to the P5 dataset just before it
    expect(high!.backgroundColor).toBe('rgba(37, 99, 235, 0.2)')
    expect(line!.data).toEqual([
      { x: 1, y: 1 },
      { x: 2, y: 2 },
    ])
    expect([low, high, line].map((dataset) => isBandLabel(dataset!.label!))).toEqual([true, true, false])
  })

  it('uses labels and nulls along a word axis, skipping points not done', () => {
    const policies = sweepDetail(
      sweepSummary(3, {
        systems: ['sn40l-node'],
        axes: [{ path: 'serving.cachePolicy', values: ['lru', 'lfu', 'pinned'] }],
      }),
      [
        point(0, ['lru'], { 'sn40l-node': { servingHitRate: spread(0.6) } }),
        point(1, ['lfu'], { 'sn40l-node': { servingHitRate: spread(0.7) } }, 'pending'),
        point(2, ['pinned'], { 'sn40l-node': { servingHitRate: spread(0.4) } }),
      ],
    )
    const { scale, data } = sweepLineChartData(policies, 'servingHitRate', COLORS)
    expect(scale).toBe('category')
    expect(data.labels).toEqual(['lru', 'lfu', 'pinned'])
    expect(data.datasets[0]!.data).toEqual([0.6, null, 0.4])
  })
})

describe('sweepCrossoverMarkers', () => {
  const crossover = (metric: CrossoverDto['metric'], x: number, at: CrossoverDto['at'] = null): CrossoverDto => ({
    metric,
    path: 'serving.experts',
    at,
    kind: 'step',
    x,
    systems: ['dgx-h100'],
    description: 'dgx-h100 needs 2 machines above 46 experts',
  })
  it('keeps the chosen metric’s crossovers along the line, one marker per x, sorted by x', () => {
    const markers = sweepCrossoverMarkers(
      [
        { ...crossover('machinesForExperts', 46), systems: ['dgx-a100'] },
        crossover('machinesForExperts', 460),
        crossover('machinesForExperts', 46),
        crossover('totalSeconds', 5),
        crossover('machinesForExperts', 7, 8),
      ],
      'machinesForExperts',
    )
    expect(markers).toEqual([
      { x: 46, label: 'dgx-a100, dgx-h100' },
      { x: 460, label: 'dgx-h100' },
    ])
  })
})

describe('sweepHeatmaps', () => {
  // experts (10, 100) × batch (1, 2, 4): index = column × 3 + row. Values 1…6 for the SN40L,
  // ten times as much for the H100, whose (100, 4) point failed.
  const axes = [
    { path: 'serving.experts', values: [10, 100] },
    { path: 'workload.batch', values: [1, 2, 4] },
  ]
  const points = [0, 1, 2, 3, 4, 5].map((index) =>
    point(
      index,
      [axes[0]!.values[Math.floor(index / 3)]!, axes[1]!.values[index % 3]!],
      {
        'sn40l-node': { totalSeconds: spread(index + 1) },
        'dgx-h100': { totalSeconds: index === 5 ? null : spread(10 * (index + 1)) },
      },
      index === 5 ? 'failed' : 'done',
    ),
  )
  const grid = sweepHeatmaps(sweepDetail(sweepSummary(4, { axes, points: 6 }), points), 'totalSeconds')

  it('lays the first axis across and the second down, per system', () => {
    expect(grid.columns).toEqual([10, 100])
    expect(grid.maps.map((map) => map.system)).toEqual(['sn40l-node', 'dgx-h100'])
    const sn40l = grid.maps[0]!
    expect(sn40l.rows.map((row) => row.value)).toEqual([1, 2, 4])
    // Row batch 2: (10, 2) is index 1, (100, 2) is index 4
    expect(sn40l.rows[1]!.cells.map((cell) => [cell.index, cell.value])).toEqual([
      [1, 2],
      [4, 5],
    ])
    // The failed point has no value (only points done count) and says so
    expect(grid.maps[1]!.rows[2]!.cells[1]).toMatchObject({ index: 5, value: null, level: null, status: 'failed' })
  })

  it('shares one colour scale across systems: log when it spans two decades', () => {
    // min 1 (SN40L, index 0), max 50 (H100, index 4): 50× < 100×, so linear
    expect([grid.min, grid.max, grid.logarithmic]).toEqual([1, 50, false])
    // (50 − 1) / 49 = 1 for the H100's max; (5 − 1) / 49 for the SN40L's 5
    expect(grid.maps[1]!.rows[1]!.cells[1]!.level).toBe(1)
    expect(grid.maps[0]!.rows[1]!.cells[1]!.level).toBeCloseTo(4 / 49, 12)
    const wide = sweepHeatmaps(
      sweepDetail(sweepSummary(5, { axes, systems: ['a'] }), [
        point(0, [10, 1], { a: { totalSeconds: spread(1) } }),
        point(1, [10, 2], { a: { totalSeconds: spread(10) } }),
        point(2, [10, 4], { a: { totalSeconds: spread(100) } }),
      ]),
      'totalSeconds',
    )
    // ln(10 / 1) / ln(100 / 1) = 0.5
    expect(wide.logarithmic).toBe(true)
    expect(wide.maps[0]!.rows[1]!.cells[0]!.level).toBeCloseTo(0.5, 12)
  })
})
