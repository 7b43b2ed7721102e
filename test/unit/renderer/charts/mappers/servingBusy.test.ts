import { describe, expect, it } from 'vitest'
import { hasBusyBreakdown, servingBusyChartData } from '../../../../../renderer/src/charts/mappers/servingBusy'
import { outOfMemoryServing, servingSystem } from '../../servingFixtures'

describe('servingBusyChartData', () => {
  it('stacks router, waited switching and expert seconds per system, nothing for one out of memory', () => {
    // 10 busy seconds: 1.5 router + 0.5 switching + 8 experts
    const split = {
      ...servingSystem('sn40l-node', 'SN40L'),
      busy: { seconds: 10, router: 1.5, switching: 0.5, experts: 8 },
    }
    const data = servingBusyChartData([split, outOfMemoryServing('dgx-a100', 'A100')])
    expect(data.labels).toEqual(['SN40L', 'A100 (out of memory)'])
    expect(data.datasets.map((dataset) => [dataset.label, dataset.stack, dataset.data])).toEqual([
      ['Router passes', 'busy', [1.5, 0]],
      ['Switching (waited for)', 'busy', [0.5, 0]],
      ['Expert compute', 'busy', [8, 0]],
    ])
    expect(hasBusyBreakdown([split])).toBe(true)
  })

  it('has nothing to draw for a result stored before the split existed', () => {
    const old = servingSystem('sn40l-node', 'SN40L')
    delete (old as { busy?: unknown }).busy
    expect(hasBusyBreakdown([old, outOfMemoryServing('dgx-a100', 'A100')])).toBe(false)
    expect(servingBusyChartData([old]).datasets.every((dataset) => dataset.data.every((v) => v === 0))).toBe(true)
  })
})
