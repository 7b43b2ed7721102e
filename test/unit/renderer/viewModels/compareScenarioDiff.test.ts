import { describe, expect, it } from 'vitest'
import { diffScenarios } from '../../../../renderer/src/viewModels/compareScenarioDiff'
import { scenario } from '../fixtures'
import { servingConfig } from '../servingFixtures'

describe('diffScenarios', () => {
  it('finds nothing between a scenario and itself, and ignores name and description', () => {
    expect(diffScenarios(scenario, { ...scenario, name: 'other', description: 'words' })).toEqual([])
  })

  it.each([
    [{ workload: { ...scenario.workload, batch: 1 } }, ['workload.batch: 8 → 1']],
    [{ systems: ['sn40l-node', 'dgx-h100'] }, ['systems: −dgx-a100']],
    [{ systems: ['sn40l-node', 'dgx-a100', 'dgx-h100', 'dgx-h200'] }, ['systems: +dgx-h200']],
    [
      { systems: ['dgx-h100', 'dgx-a100', 'sn40l-node'] },
      ['systems: order ["sn40l-node","dgx-a100","dgx-h100"] → ["dgx-h100","dgx-a100","sn40l-node"]'],
    ],
    [
      { assumptions: { ...scenario.assumptions, hostLinkModel: 'perGpuLinks' as const } },
      ['assumptions.hostLinkModel: paper → perGpuLinks'],
    ],
    [
      { seed: 2, workload: { ...scenario.workload, outputTokens: 20 } },
      ['workload.outputTokens: 128 → 20', 'seed: 1 → 2'],
    ],
    [
      { systemOverrides: { 'dgx-h100': { copyBandwidth: 1e11 } } },
      ['systemOverrides.dgx-h100.copyBandwidth: — → 100000000000'],
    ],
  ])('lists %o as readable lines', (change, lines) => {
    expect(diffScenarios(scenario, { ...scenario, ...change })).toEqual(lines)
  })

  it('lists each field of a section one side lacks', () => {
    const serving = servingConfig({ experts: 100, traffic: { kind: 'poisson', rate: 1.5 }, requests: 2000 })
    const lines = diffScenarios(scenario, { ...scenario, serving })
    expect(lines).toContain('serving.experts: — → 100')
    expect(lines).toContain('serving.traffic.kind: — → poisson')
    expect(lines).toContain('serving.traffic.rate: — → 1.5')
    expect(diffScenarios({ ...scenario, serving }, scenario)).toContain('serving.experts: 100 → —')
  })

  it('compares lists of objects by position', () => {
    const a = { customSystems: [{ id: 'x', chips: 8 }] }
    expect(
      diffScenarios(a, {
        customSystems: [
          { id: 'x', chips: 4 },
          { id: 'y', chips: 2 },
        ],
      }),
    ).toEqual(['customSystems[0].chips: 8 → 4', 'customSystems[1].id: — → y', 'customSystems[1].chips: — → 2'])
  })
})
