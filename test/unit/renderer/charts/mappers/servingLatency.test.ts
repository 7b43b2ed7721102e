import { describe, expect, it } from 'vitest'
import { SERVING_PERCENTILES, servingLatencyChartData } from '../../../../../renderer/src/charts/mappers/servingLatency'
import { latency, outOfMemoryServing, servingSystem } from '../../servingFixtures'

const sn40l = servingSystem('sn40l-node', 'SN40L node', { e2e: latency(0.066, 0.158, 0.318, 0.689) })
const h100 = servingSystem('dgx-h100', 'DGX H100', {
  e2e: latency(0.171, 0.443, 0.821, 1.581),
  ttft: latency(0.0107, 0.26, 0.635, 1.516),
})
const serving = [sn40l, outOfMemoryServing('dgx-a100', 'DGX A100'), h100]

describe('servingLatencyChartData', () => {
  it('labels one group per system in result order, marking the one out of memory', () => {
    expect(servingLatencyChartData(serving, 'e2e').labels).toEqual([
      'SN40L node',
      'DGX A100 (out of memory)',
      'DGX H100',
    ])
  })

  it.each([
    // [latency, percentile, SN40L, DGX A100 (served nothing: 0), DGX H100], as the fixtures set them
    ['e2e', 'p50', [0.066, 0, 0.171]],
    ['e2e', 'p90', [0.158, 0, 0.443]],
    ['e2e', 'p99', [0.318, 0, 0.821]],
    ['ttft', 'p50', [0.0066, 0, 0.0107]],
    ['ttft', 'p99', [0.1658, 0, 0.635]],
  ] as const)('%s %s per system: %j', (key, percentile, seconds) => {
    const data = servingLatencyChartData(serving, key)
    expect(data.datasets.find((dataset) => dataset.label === percentile)!.data).toEqual(seconds)
  })

  it('draws p50, p90 and p99 in one hue, light to dark, the same on every run', () => {
    const data = servingLatencyChartData(serving, 'e2e')
    expect(data.datasets.map((dataset) => [dataset.label, dataset.backgroundColor])).toEqual(
      SERVING_PERCENTILES.map((percentile) => [percentile.label, percentile.color]),
    )
  })

  it('builds new plain arrays and empty groups for no systems', () => {
    expect(servingLatencyChartData(serving, 'e2e').datasets[0]!.data).not.toBe(
      servingLatencyChartData(serving, 'e2e').datasets[0]!.data,
    )
    expect(servingLatencyChartData([], 'e2e').labels).toEqual([])
    expect(servingLatencyChartData([], 'e2e').datasets.map((dataset) => dataset.data)).toEqual([[], [], []])
  })
})
