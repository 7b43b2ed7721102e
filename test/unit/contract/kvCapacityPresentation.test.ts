import { describe, expect, it } from 'vitest'
import { usableHbmShare } from '../../../contract/kvCapacityPresentation'
import { ScenarioSchema } from '../../../main/sim/scenario/schema'
import { simulate } from '../../../main/sim/simulate'

const systems = (overrides: Record<string, unknown>) =>
  simulate(
    ScenarioSchema.parse({
      name: 'x',
      systems: ['sn40l-node', 'dgx-h100'],
      workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 2 },
      systemOverrides: overrides,
    }),
  ).systems

describe('the usable HBM share the KV captions quote', () => {
  it('is one figure when every system has the same', () => {
    expect(usableHbmShare(systems({}))).toBe('90% of HBM')
  })

  it('names each system when one was overridden', () => {
    expect(usableHbmShare(systems({ 'dgx-h100': { hbmUsableFraction: 0.8 } }))).toBe(
      'HBM: sn40l-node 90%, dgx-h100 80%',
    )
  })
})
