import { describe, expect, it } from 'vitest'
import { servingSharesChartData } from '../../../../../renderer/src/charts/mappers/servingShares'
import { outOfMemoryServing, servingSystem } from '../../servingFixtures'

describe('servingSharesChartData', () => {
  it('draws hit rate, switching share and utilisation per system, zero for one out of memory', () => {
    // the fixture: hit rate 0.7246, switching 0.0507 of busy time, utilisation 0.1147
    const data = servingSharesChartData([servingSystem('sn40l-node', 'SN40L'), outOfMemoryServing('dgx-a100', 'A100')])
    expect(data.labels).toEqual(['SN40L', 'A100 (out of memory)'])
    expect(data.datasets.map((dataset) => [dataset.label, dataset.data])).toEqual([
      ['HBM hit rate', [0.7246, 0]],
      ['Switching share of busy time', [0.0507, 0]],
      ['Utilisation', [0.1147, 0]],
    ])
  })
})
