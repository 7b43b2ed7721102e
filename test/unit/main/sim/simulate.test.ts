import { describe, expect, it } from 'vitest'
import { simulate } from '../../../../main/sim/simulate'
import { ScenarioSchema } from '../../../../main/sim/scenario/schema'
import { SIMULATOR_VERSION } from '../../../../main/sim/version'

const scenario = ScenarioSchema.parse({
  name: 'determinism',
  systems: ['sn40l-node', 'dgx-a100'],
  workload: { model: 'llama2-7b', batch: 2, promptTokens: 100, outputTokens: 300 },
  systemOverrides: { 'dgx-a100': { computeEfficiency: 0.6 } },
  seed: 7,
})

describe('simulate', () => {
  it('gives the same result for the same scenario, wall time aside', () => {
    const first = simulate(scenario)
    const second = simulate(scenario)
    expect(JSON.stringify(second)).toBe(JSON.stringify(first))
  })

  it('reports rising progress that ends at 1', () => {
    const seen: number[] = []
    simulate(scenario, { onProgress: (fraction) => seen.push(fraction) })
    expect(seen.length).toBeGreaterThan(2)
    expect([...seen].sort((a, b) => a - b)).toEqual(seen)
    expect(seen.at(-1)).toBe(1)
  })

  it('stamps provenance and measures wall time with the clock it is given', () => {
    let tick = 0
    const result = simulate(scenario, { now: () => (tick += 250) })
    expect(result.provenance).toMatchObject({ simulatorVersion: SIMULATOR_VERSION, seed: 7 })
    expect(result.provenance.scenarioHash).toMatch(/^[0-9a-f]{64}$/)
    // two clock reads 250 ms apart
    expect(result.provenance.wallSeconds).toBe(0.25)
  })

  it('lists every assumption, marking the overridden one', () => {
    const { assumptions } = simulate(scenario)
    const names = assumptions.map((a) => a.name)
    expect(names.slice(0, 2)).toEqual(['logitsForLastTokenOnly', 'hostLinkModel'])
    for (const system of ['sn40l-node', 'dgx-a100']) {
      for (const figure of [
        'mode',
        'chips',
        'computeEfficiency',
        'memoryEfficiency',
        'collectiveLatency',
        'stepOverhead',
      ]) {
        expect(names).toContain(`${system}.${figure}`)
      }
    }
    const overridden = assumptions.filter((a) => a.overridden)
    expect(overridden).toEqual([
      expect.objectContaining({ name: 'dgx-a100.computeEfficiency', value: 0.6, defaultValue: 0.76 }),
    ])
    expect(assumptions.find((a) => a.name === 'sn40l-node.mode')).toMatchObject({ value: 'fusedHO', overridden: false })
  })
})
