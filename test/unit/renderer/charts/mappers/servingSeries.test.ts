import { describe, expect, it } from 'vitest'
import { SERVING_SERIES, servingSeriesChartData } from '../../../../../renderer/src/charts/mappers/servingSeries'
import { seriesColor } from '../../../../../renderer/src/charts/palette'
import { outOfMemoryServing, servingSystem } from '../../servingFixtures'

const sn40l = servingSystem('sn40l-node', 'SN40L node')
const h100 = servingSystem('dgx-h100', 'DGX H100', {
  series: {
    waiting: [
      { time: 0, value: 0 },
      { time: 7.5, value: 2 },
    ],
    resident: [{ time: 7.5, value: 46 }],
    switches: [{ time: 7.5, value: 82 }],
    latency: [{ time: 7.5, value: 0.34 }],
  },
})
const serving = [outOfMemoryServing('dgx-a100', 'DGX A100'), sn40l, h100]

describe('servingSeriesChartData', () => {
  it('offers the four series in order, latency in seconds and the others as counts', () => {
    expect(SERVING_SERIES.map((series) => [series.key, series.unit])).toEqual([
      ['waiting', 'count'],
      ['resident', 'count'],
      ['switches', 'count'],
      ['latency', 'seconds'],
    ])
  })

  it.each([
    // [series, SN40L points, DGX H100 points] as (time, value) from the fixtures
    [
      'waiting',
      [
        { x: 0, y: 0 },
        { x: 10, y: 3 },
        { x: 20, y: 1 },
      ],
      [
        { x: 0, y: 0 },
        { x: 7.5, y: 2 },
      ],
    ],
    [
      'switches',
      [
        { x: 0, y: 0 },
        { x: 10, y: 128 },
        { x: 20, y: 180 },
      ],
      [{ x: 7.5, y: 82 }],
    ],
    ['latency', [{ x: 5, y: 0.08 }], [{ x: 7.5, y: 0.34 }]],
  ] as const)('%s: one line per system that ran, time across', (key, sn40lPoints, h100Points) => {
    const data = servingSeriesChartData(serving, key)
    expect(data.datasets.map((dataset) => dataset.label)).toEqual(['SN40L node', 'DGX H100'])
    expect(data.datasets[0]!.data).toEqual(sn40lPoints)
    expect(data.datasets[1]!.data).toEqual(h100Points)
  })

  it('colours a system by its place in the result: the one out of memory keeps the first colour', () => {
    const data = servingSeriesChartData(serving, 'resident')
    expect(data.datasets.map((dataset) => dataset.borderColor)).toEqual([seriesColor(1), seriesColor(2)])
  })

  it('has no lines without systems', () => {
    expect(servingSeriesChartData([], 'waiting')).toEqual({ datasets: [] })
  })
})
