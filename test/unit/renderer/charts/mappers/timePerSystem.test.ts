import { describe, expect, it } from 'vitest'
import { timePerSystemChartData } from '../../../../../renderer/src/charts/mappers/timePerSystem'
import { okSystem, outOfMemorySystem, runResult } from '../../fixtures'

describe('timePerSystemChartData', () => {
  const result = runResult([
    okSystem('sn40l-node', 'SN40L node', 0.012, 0.5),
    outOfMemorySystem('dgx-a100', 'DGX A100'),
    okSystem('dgx-h100', 'DGX H100', 0.02, 1.25),
  ])
  const data = timePerSystemChartData(result)

  it('labels one bar per system, in result order, marking the out-of-memory one', () => {
    expect(data.labels).toEqual(['SN40L node', 'DGX A100 (out of memory)', 'DGX H100'])
  })

  it('stacks prefill under decode seconds, with 0 for the system that did not fit', () => {
    expect(data.datasets.map((dataset) => dataset.label)).toEqual(['Prefill', 'Decode'])
    expect(data.datasets[0]!.data).toEqual([0.012, 0, 0.02])
    expect(data.datasets[1]!.data).toEqual([0.5, 0, 1.25])
    expect(data.datasets.every((dataset) => dataset.stack === 'time')).toBe(true)
  })

  it('stacks to each system total: 0.012 + 0.5 = 0.512 s and 0.02 + 1.25 = 1.27 s', () => {
    const totals = data.labels!.map((_, i) => data.datasets[0]!.data[i]! + data.datasets[1]!.data[i]!)
    expect(totals[0]).toBeCloseTo(0.512, 12)
    expect(totals[1]).toBe(0)
    expect(totals[2]).toBeCloseTo(1.27, 12)
  })

  it('builds plain arrays that are new on every call (never shared with the input)', () => {
    const again = timePerSystemChartData(result)
    expect(again.datasets[0]!.data).not.toBe(data.datasets[0]!.data)
    expect(Array.isArray(again.labels)).toBe(true)
  })

  it('gives empty series for a result without systems', () => {
    const empty = timePerSystemChartData(runResult([]))
    expect(empty.labels).toEqual([])
    expect(empty.datasets.map((dataset) => dataset.data)).toEqual([[], []])
  })
})
