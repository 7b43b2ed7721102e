import { describe, expect, it } from 'vitest'
import { compareTotalsChartData, runCaption, systemsOf } from '../../../../../renderer/src/charts/mappers/compareTotals'
import { detail, okSystem, outOfMemorySystem } from '../../fixtures'

// Run 1: SN40L 0.1 + 0.4 = 0.5 s, DGX A100 0.2 + 1.8 = 2 s.
// Run 2: DGX H100 0.05 + 0.95 = 1 s, SN40L 0.1 + 0.15 = 0.25 s, DGX A100 out of memory.
const run1 = detail(1, [okSystem('sn40l-node', 'SN40L node', 0.1, 0.4), okSystem('dgx-a100', 'DGX A100', 0.2, 1.8)], {
  scenarioName: 'batch 8',
})
const run2 = detail(
  2,
  [
    okSystem('dgx-h100', 'DGX H100', 0.05, 0.95),
    okSystem('sn40l-node', 'SN40L node', 0.1, 0.15),
    outOfMemorySystem('dgx-a100', 'DGX A100'),
  ],
  { scenarioName: 'batch 64', label: 'long prompts' },
)
const unfinished = detail(3, null, { status: 'running', progress: 0.5 })

describe('compareTotalsChartData', () => {
  const data = compareTotalsChartData([run1, run2, unfinished])

  it('groups by system in order of first appearance across runs', () => {
    expect(data.labels).toEqual(['SN40L node', 'DGX A100', 'DGX H100'])
    expect(systemsOf([run1, run2]).map((system) => system.id)).toEqual(['sn40l-node', 'dgx-a100', 'dgx-h100'])
  })

  it('has one dataset per run with a result, named by id, scenario and label', () => {
    expect(data.datasets.map((dataset) => dataset.label)).toEqual(['#1 batch 8', '#2 batch 64 (long prompts)'])
  })

  it('gives each run its total seconds per system, null where it has none', () => {
    expect(data.datasets[0]!.data).toEqual([0.5, 2, null]) // run 1 never ran DGX H100
    expect(data.datasets[1]!.data).toEqual([0.25, null, 1]) // DGX A100 out of memory in run 2
  })

  it('captions runs without a label by id and scenario only', () => {
    expect(runCaption(run1)).toBe('#1 batch 8')
  })

  it('is empty for no runs', () => {
    expect(compareTotalsChartData([])).toEqual({ labels: [], datasets: [] })
  })
})
