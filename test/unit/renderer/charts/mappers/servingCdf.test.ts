import { describe, expect, it } from 'vitest'
import { servingCdfChartData } from '../../../../../renderer/src/charts/mappers/servingCdf'
import { seriesColor, seriesDash } from '../../../../../renderer/src/charts/palette'
import { outOfMemoryServing, servingSystem } from '../../servingFixtures'

const sn40l = servingSystem('sn40l-node', 'SN40L node')
const h100 = servingSystem('dgx-h100', 'DGX H100', {
  e2eCdf: [
    { seconds: 0.034, fraction: 0.02 },
    { seconds: 0.171, fraction: 0.5 },
    { seconds: 1.581, fraction: 1 },
  ],
})

describe('servingCdfChartData', () => {
  const data = servingCdfChartData([sn40l, outOfMemoryServing('dgx-a100', 'DGX A100'), h100])

  it('draws one line per system that served requests, none for the one out of memory', () => {
    expect(data.datasets.map((dataset) => dataset.label)).toEqual(['SN40L node', 'DGX H100'])
  })

  it('maps seconds to x and fraction to y, leaving out the point at 0 s a log axis cannot show', () => {
    // the fixture's CDF: (0 s, 0), (20 ms, 25%), (66.4 ms, 50%), (688.6 ms, 100%)
    expect(data.datasets[0]!.data).toEqual([
      { x: 0.02, y: 0.25 },
      { x: 0.0664, y: 0.5 },
      { x: 0.6886, y: 1 },
    ])
    expect(data.datasets[1]!.data).toEqual([
      { x: 0.034, y: 0.02 },
      { x: 0.171, y: 0.5 },
      { x: 1.581, y: 1 },
    ])
  })

  it('colours a system by its place in the result, so DGX H100 keeps the third colour', () => {
    expect(data.datasets.map((dataset) => dataset.borderColor)).toEqual([seriesColor(0), seriesColor(2)])
    expect(data.datasets.map((dataset) => dataset.borderDash)).toEqual([seriesDash(0), seriesDash(2)])
    expect(seriesDash(0)).toEqual([]) // the first system solid, later ones dashed, so coinciding lines both show
  })

  it('copies the points into new plain objects', () => {
    expect(data.datasets[0]!.data[0]).not.toBe(sn40l.e2eCdf[1])
    expect(servingCdfChartData([])).toEqual({ datasets: [] })
  })
})
