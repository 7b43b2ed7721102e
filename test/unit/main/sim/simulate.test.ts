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
    expect(assumptions.map((a) => a.name)).toEqual([
      'logitsForLastTokenOnly',
      'sn40l-node.computeEfficiency',
      'sn40l-node.memoryEfficiency',
      'sn40l-node.chips',
      'dgx-a100.computeEfficiency',
      'dgx-a100.memoryEfficiency',
      'dgx-a100.chips',
    ])
    const overridden = assumptions.filter((a) => a.overridden)
    expect(overridden).toEqual([
      expect.objectContaining({ name: 'dgx-a100.computeEfficiency', value: 0.6, defaultValue: 0.7 }),
    ])
  })

  it('ranks the systems by their memory bandwidth at batch 2, where decode is memory-bound', () => {
    const [sn40l, a100] = simulate(scenario).systems
    // achievable bandwidth: SN40L 12.24e12 B/s vs A100 8.156e12 B/s, so the A100 decodes ~1.5x slower
    const ratio = a100!.metrics!.timePerOutputTokenSeconds / sn40l!.metrics!.timePerOutputTokenSeconds
    expect(ratio).toBeGreaterThan(1.45)
    expect(ratio).toBeLessThan(1.51)
  })
})
