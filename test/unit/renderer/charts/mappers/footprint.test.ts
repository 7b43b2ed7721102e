import { describe, expect, it } from 'vitest'
import { footprintCurves, nodesFor } from '../../../../../renderer/src/charts/mappers/footprint'
import { okSystem, runResult } from '../../fixtures'

const points = [
  { experts: 100, nodes: 1 },
  { experts: 890, nodes: 1 },
  { experts: 1000, nodes: 2 },
]

describe('footprintCurves', () => {
  it('finds none in a result as the simulator stores it today: nothing is estimated', () => {
    expect(footprintCurves(runResult([okSystem('sn40l-node', 'SN40L', 1, 1)]))).toEqual([])
    expect(footprintCurves(null)).toEqual([])
  })

  it('reads each serving system’s machines for the scenario’s experts as a one-point curve', () => {
    const base = runResult([])
    const result = {
      ...base,
      scenario: { ...base.scenario, serving: { experts: 150 } },
      serving: [
        { systemId: 'sn40l-node', systemName: 'SN40L', machinesForExperts: 1 },
        { systemId: 'dgx-h100', systemName: 'H100', machinesForExperts: 4 },
        // stored before 0.3.0: no figure, no point
        { systemId: 'dgx-a100', systemName: 'A100' },
      ],
    }
    expect(footprintCurves(result)).toEqual([
      { systemId: 'sn40l-node', systemName: 'SN40L', points: [{ experts: 150, nodes: 1 }] },
      { systemId: 'dgx-h100', systemName: 'H100', points: [{ experts: 150, nodes: 4 }] },
    ])
  })

  it('reads a top-level footprint list', () => {
    const result = { ...runResult([]), footprint: [{ systemId: 'sn40l-node', systemName: 'SN40L', points }] }
    expect(footprintCurves(result)).toEqual([{ systemId: 'sn40l-node', systemName: 'SN40L', points }])
  })

  it('reads a footprint on each system, and skips malformed ones', () => {
    const result = {
      systems: [
        { ...okSystem('sn40l-node', 'SN40L', 1, 1), footprint: points },
        { ...okSystem('dgx-h100', 'H100', 1, 1), footprint: { points: [{ experts: 46, nodes: 1 }] } },
        { ...okSystem('dgx-a100', 'A100', 1, 1), footprint: [{ experts: '46' }] },
      ],
    }
    expect(footprintCurves(result).map((curve) => [curve.systemId, curve.points.length])).toEqual([
      ['sn40l-node', 3],
      ['dgx-h100', 1],
    ])
  })

  it('looks up the nodes for an exact expert count', () => {
    const curve = { systemId: 'x', systemName: 'X', points: [...points, { experts: 5000, nodes: null }] }
    expect(nodesFor(curve, 1000)).toBe(2)
    expect(nodesFor(curve, 5000)).toBeNull()
    expect(nodesFor(curve, 7)).toBeUndefined()
  })
})
