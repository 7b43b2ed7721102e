import { describe, expect, it } from 'vitest'
import { scenarioHash } from '../../../../../main/sim/scenario/hash'
import { ScenarioSchema } from '../../../../../main/sim/scenario/schema'

const base = {
  name: 'a',
  systems: ['sn40l-node'],
  workload: { model: 'llama2-7b', batch: 1, promptTokens: 8, outputTokens: 4 },
}
const hashOf = (input: object) => scenarioHash(ScenarioSchema.parse(input))

describe('scenarioHash', () => {
  it('is a SHA-256 hex digest', () => {
    expect(hashOf(base)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('ignores the name, the description and the order keys were written in', () => {
    const reordered = {
      workload: { outputTokens: 4, promptTokens: 8, batch: 1, model: 'llama2-7b' },
      systems: ['sn40l-node'],
      name: 'b',
      description: 'x',
    }
    expect(hashOf(reordered)).toBe(hashOf(base))
  })

  it('counts defaults as written: leaving the seed out equals seed 1', () => {
    expect(hashOf({ ...base, seed: 1 })).toBe(hashOf(base))
  })

  it.each([
    ['the seed', { seed: 2 }],
    ['the batch', { workload: { ...base.workload, batch: 2 } }],
    ['an assumption', { assumptions: { logitsForLastTokenOnly: false } }],
    ['an override', { systemOverrides: { 'sn40l-node': { chips: 4 } } }],
  ])('changes with %s', (_label, change) => {
    expect(hashOf({ ...base, ...change })).not.toBe(hashOf(base))
  })
})
