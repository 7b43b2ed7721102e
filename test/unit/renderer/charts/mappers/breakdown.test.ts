import { describe, expect, it } from 'vitest'
import { BREAKDOWN_CATEGORIES, breakdownChartData } from '../../../../../renderer/src/charts/mappers/breakdown'
import { seriesColor } from '../../../../../renderer/src/charts/palette'
import { okSystem, outOfMemorySystem, phase, runResult } from '../../fixtures'

const sn40l = {
  ...okSystem('sn40l-node', 'SN40L node', 0.0125, 0.5),
  prefill: phase(0.0125, { compute: 0.01, launch: 0.0025 }),
  decode: phase(0.5, { memory: 0.375, launch: 0.0625, software: 0.0625 }),
}
const h100 = {
  ...okSystem('dgx-h100', 'DGX H100', 0.03, 1),
  prefill: phase(0.03, { compute: 0.02, collectives: 0.005, software: 0.005 }),
  decode: phase(1, { memory: 0.75, collectives: 0.125, software: 0.125 }),
}

describe('breakdownChartData', () => {
  const data = breakdownChartData(runResult([sn40l, outOfMemorySystem('dgx-a100', 'DGX A100'), h100]))

  it('labels one bar per system in result order, marking the one out of memory', () => {
    expect(data.labels).toEqual(['SN40L node', 'DGX A100 (out of memory)', 'DGX H100'])
  })

  it('leaves out switching, zero on every system, and keeps the others bottom-up', () => {
    expect(data.datasets.map((dataset) => dataset.label)).toEqual([
      'Compute',
      'Memory',
      'Launch overhead',
      'Collectives',
      'Software stack',
    ])
    expect(data.datasets.every((dataset) => dataset.stack === 'time')).toBe(true)
  })

  it.each([
    // [category, SN40L prefill + decode, DGX A100 (no phases), DGX H100 prefill + decode]
    ['Compute', [0.01, 0, 0.02]], // 0.01 + 0; 0.02 + 0
    ['Memory', [0.375, 0, 0.75]], // 0 + 0.375; 0 + 0.75
    ['Launch overhead', [0.065, 0, 0]], // 0.0025 + 0.0625 = 0.065
    ['Collectives', [0, 0, 0.13]], // 0.005 + 0.125 = 0.13
    ['Software stack', [0.0625, 0, 0.13]], // 0 + 0.0625; 0.005 + 0.125 = 0.13
  ])('%s sums prefill and decode: %j', (label, seconds) => {
    const dataset = data.datasets.find((d) => d.label === label)!
    seconds.forEach((value, i) => expect(dataset.data[i]).toBeCloseTo(value, 12))
  })

  it('stacks to each phase total: 0.0125 + 0.5 = 0.5125 s and 0.03 + 1 = 1.03 s', () => {
    const total = (i: number) => data.datasets.reduce((sum, dataset) => sum + dataset.data[i]!, 0)
    expect(total(0)).toBeCloseTo(0.5125, 12)
    expect(total(1)).toBe(0)
    expect(total(2)).toBeCloseTo(1.03, 12)
  })

  it('gives each category a fixed colour, whichever others are left out', () => {
    const memory = data.datasets.find((dataset) => dataset.label === 'Memory')!
    expect(memory.backgroundColor).toBe(seriesColor(1))
    expect(BREAKDOWN_CATEGORIES.map((category) => category.key)).toEqual([
      'compute',
      'memory',
      'launch',
      'collectives',
      'software',
      'switching',
    ])
  })

  it('builds new plain arrays and no datasets for a result without time', () => {
    expect(breakdownChartData(runResult([sn40l])).datasets[0]!.data).not.toBe(data.datasets[0]!.data)
    const empty = breakdownChartData(runResult([]))
    expect(empty).toEqual({ labels: [], datasets: [] })
  })
})
