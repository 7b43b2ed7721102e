import { describe, expect, it } from 'vitest'
import {
  compareFootprintChartData,
  runsWithoutFootprint,
} from '../../../../../renderer/src/charts/mappers/compareFootprint'
import { compareSpeedupChartData } from '../../../../../renderer/src/charts/mappers/compareSpeedup'
import { compareSwitchChartData, runsWithoutSwitching } from '../../../../../renderer/src/charts/mappers/compareSwitch'
import { detail, okSystem } from '../../fixtures'
import { servingSystem } from '../../servingFixtures'

// Run 1: SN40L 0.5 s, H100 1 s. Run 2: SN40L 0.25 s, H100 1 s, A100 2 s (totals, prefill + decode).
const run1 = detail(1, [okSystem('sn40l-node', 'SN40L', 0.1, 0.4), okSystem('dgx-h100', 'H100', 0.2, 0.8)])
const run2 = detail(2, [
  okSystem('sn40l-node', 'SN40L', 0.05, 0.2),
  okSystem('dgx-h100', 'H100', 0.2, 0.8),
  okSystem('dgx-a100', 'A100', 0.5, 1.5),
])

describe('compareSpeedupChartData', () => {
  it('draws each system’s speedup over the reference, one dataset per run', () => {
    const data = compareSpeedupChartData([run1, run2], 'dgx-h100')
    expect(data.labels).toEqual(['SN40L', 'H100', 'A100'])
    // run 1: 1/0.5 = 2, 1/1 = 1, no A100; run 2: 1/0.25 = 4, 1, 1/2 = 0.5
    expect(data.datasets.map((dataset) => dataset.data)).toEqual([
      [2, 1, null],
      [4, 1, 0.5],
    ])
  })
})

describe('compareSwitchChartData', () => {
  const serving = (id: number, sn40lSeconds: number) => {
    const run = detail(id, [okSystem('sn40l-node', 'SN40L', 0.1, 0.4)])
    run.result!.serving = [
      servingSystem('sn40l-node', 'SN40L', { switching: { count: 10, seconds: sn40lSeconds, shareOfBusy: 0.1 } }),
      servingSystem('dgx-h100', 'H100', { switching: { count: 4, seconds: 1, shareOfBusy: 0.3 } }),
    ]
    return run
  }

  it('draws the mean switch time per system for runs that switched, and names the others', () => {
    const data = compareSwitchChartData([serving(3, 0.14), run1, serving(4, 0.28)])
    expect(data.labels).toEqual(['SN40L', 'H100'])
    // 0.14 s / 10 = 14 ms, 1 s / 4 = 250 ms; 0.28 s / 10 = 28 ms
    expect(data.datasets.map((dataset) => dataset.label)).toEqual(['#3 scenario 3', '#4 scenario 4'])
    const [first, second] = data.datasets.map((dataset) => dataset.data)
    expect(first![0]).toBeCloseTo(0.014, 15)
    expect(first![1]).toBe(0.25)
    expect(second![0]).toBeCloseTo(0.028, 15)
    expect(runsWithoutSwitching([serving(3, 0.14), run1])).toEqual([
      { runId: 1, caption: '#1 scenario 1', reason: 'served no traffic, so switched no expert' },
    ])
  })
})

describe('compareFootprintChartData', () => {
  it('draws one line per system per run that has a curve, and estimates nothing for the rest', () => {
    const withCurve = detail(5, [okSystem('sn40l-node', 'SN40L', 0.1, 0.4)])
    Object.assign(withCurve.result!, {
      footprint: [
        {
          systemId: 'dgx-h100',
          systemName: 'H100',
          points: [
            { experts: 100, nodes: 3 },
            { experts: 46, nodes: 1 },
            { experts: 5000, nodes: null },
          ],
        },
      ],
    })
    const data = compareFootprintChartData([run1, withCurve])
    expect(data.datasets.map((dataset) => [dataset.label, dataset.data])).toEqual([
      [
        'H100 · #5',
        [
          { x: 46, y: 1 },
          { x: 100, y: 3 },
        ],
      ],
    ])
    expect(runsWithoutFootprint([run1, withCurve]).map((run) => run.runId)).toEqual([1])
  })
})
