import { describe, expect, it } from 'vitest'
import { diffResults, MAX_CHANGES } from '../../../../main/services/resultDiff'
import type { AssumptionEntry, RunResult, Scenario, SystemResult } from '../../../../contract/api'

const scenario: Scenario = {
  schemaVersion: 1,
  name: 'diff',
  description: '',
  systems: ['sn40l-node', 'dgx-h100'],
  customSystems: [],
  workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20, precision: 'bf16' },
  assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' },
  systemOverrides: {},
  seed: 1,
}

function system(systemId: string, decodeSeconds: number): SystemResult {
  return {
    systemId,
    systemName: systemId.toUpperCase(),
    chips: 8,
    mode: 'kernelFused',
    achievablePerChip: { flopsPerSecond: 1e15, bytesPerSecond: 1e12 },
    memory: { weightBytes: 13e9, kvCacheBytes: 1e9, requiredBytes: 14e9, hbmBytes: 640e9 },
    status: 'ok',
    message: null,
    prefill: null,
    decode: {
      seconds: decodeSeconds,
      breakdown: { compute: 0, memory: decodeSeconds, launch: 0, collectives: 0, software: 0, switching: 0 },
      kernelCalls: 10,
      flops: 1e9,
      bytes: 1e9,
      operators: [],
    },
    metrics: null,
  }
}

function assumption(name: string, value: number | boolean | string): AssumptionEntry {
  return { name, value, defaultValue: value, overridden: false, description: '', source: '' }
}

function result(overrides: Partial<RunResult> = {}): RunResult {
  return {
    scenario,
    systems: [system('sn40l-node', 0.5), system('dgx-h100', 2)],
    serving: null,
    assumptions: [assumption('hbmEfficiency', 0.8)],
    provenance: { simulatorVersion: '1.0.0', scenarioHash: 'a'.repeat(64), seed: 1, wallSeconds: 0.3, events: 0 },
    ...overrides,
  }
}

describe('diffResults', () => {
  it('finds nothing between identical results, whatever their wall time', () => {
    const replay = result({ provenance: { ...result().provenance, wallSeconds: 9.9 } })
    expect(diffResults(result(), replay)).toEqual({ changes: [], changeCount: 0 })
  })

  it('names a changed metric by system id, not by position, and gives its relative change', () => {
    // systems swapped around: positions differ, keyed paths do not; dgx-h100 decode 2 → 2.5
    const replay = result({ systems: [system('dgx-h100', 2.5), system('sn40l-node', 0.5)] })
    expect(diffResults(result(), replay).changes).toEqual([
      // (2.5 − 2) / 2 = 0.25
      { path: 'systems[dgx-h100].decode.seconds', original: 2, replay: 2.5, relativeChange: 0.25 },
      { path: 'systems[dgx-h100].decode.breakdown.memory', original: 2, replay: 2.5, relativeChange: 0.25 },
    ])
  })

  it('ignores an assumption’s reworded description: prose, not a result', () => {
    const reworded = { ...assumption('hbmEfficiency', 0.8), description: 'said better' }
    expect(diffResults(result(), result({ assumptions: [reworded] })).changeCount).toBe(0)
  })

  it('keys assumptions by name and reports strings and booleans with no relative change', () => {
    const replay = result({ assumptions: [assumption('hbmEfficiency', 'high')] })
    expect(diffResults(result(), replay).changes).toEqual([
      { path: 'assumptions[hbmEfficiency].value', original: 0.8, replay: 'high', relativeChange: null },
      { path: 'assumptions[hbmEfficiency].defaultValue', original: 0.8, replay: 'high', relativeChange: null },
    ])
  })

  it('reports keys on one side only with null for the missing side', () => {
    const replay = result({
      assumptions: [assumption('hbmEfficiency', 0.8), assumption('newKnob', true)],
      seedSpread: { seeds: [1, 2], systems: [] },
    })
    const { changes } = diffResults(result(), replay)
    expect(changes).toContainEqual({
      path: 'assumptions[newKnob].value',
      original: null,
      replay: true,
      relativeChange: null,
    })
    // arrays without a naming field are keyed by index
    expect(changes).toContainEqual({ path: 'seedSpread.seeds[1]', original: null, replay: 2, relativeChange: null })
    expect(changes).toHaveLength(6 + 2) // newKnob's six fields, two seeds
  })

  it('reports the leaves of an object that replaced a null, not the null itself', () => {
    const before = result()
    const after = result()
    after.systems[0] = {
      ...system('sn40l-node', 0.5),
      metrics: {
        timeToFirstTokenSeconds: 0.1,
        timePerOutputTokenSeconds: 0.02,
        totalSeconds: 0.5,
        outputTokensPerSecond: 2,
      },
    }
    const { changes } = diffResults(before, after)
    expect(changes.map((change) => change.path)).toEqual([
      'systems[sn40l-node].metrics.timeToFirstTokenSeconds',
      'systems[sn40l-node].metrics.timePerOutputTokenSeconds',
      'systems[sn40l-node].metrics.totalSeconds',
      'systems[sn40l-node].metrics.outputTokensPerSecond',
    ])
  })

  it('compares numbers bit for bit: 0 and −0 differ, NaN equals NaN, the last bit counts', () => {
    const before = result({ systems: [system('sn40l-node', 0), system('dgx-h100', Number.NaN)] })
    const after = result({ systems: [system('sn40l-node', -0), system('dgx-h100', Number.NaN)] })
    // 0 → −0 twice (seconds, breakdown.memory); an original of 0 has no relative change
    expect(diffResults(before, after).changeCount).toBe(2)
    expect(diffResults(before, after).changes[0]!.relativeChange).toBeNull()

    const nudged = result({ systems: [system('sn40l-node', 0.1 + 0.2), system('dgx-h100', 2)] })
    const plain = result({ systems: [system('sn40l-node', 0.3), system('dgx-h100', 2)] })
    // 0.1 + 0.2 = 0.30000000000000004: one ulp apart
    expect(diffResults(plain, nudged).changeCount).toBe(2)
  })

  it('puts non-numeric changes first, then the largest relative change, whatever its sign', () => {
    const before = result({ systems: [system('sn40l-node', 1), system('dgx-h100', 4)] })
    const after = result({
      systems: [system('sn40l-node', 1.1), system('dgx-h100', 1)],
      provenance: { ...before.provenance, simulatorVersion: '2.0.0' },
    })
    expect(diffResults(before, after).changes.map((c) => [c.path, c.relativeChange])).toEqual([
      ['provenance.simulatorVersion', null],
      // (1 − 4) / 4 = −0.75
      ['systems[dgx-h100].decode.seconds', -0.75],
      ['systems[dgx-h100].decode.breakdown.memory', -0.75],
      // (1.1 − 1) / 1 ≈ 0.1
      ['systems[sn40l-node].decode.seconds', expect.closeTo(0.1, 12)],
      ['systems[sn40l-node].decode.breakdown.memory', expect.closeTo(0.1, 12)],
    ])
  })

  it(`keeps at most ${MAX_CHANGES} changes and counts them all`, () => {
    const seeds = (offset: number) => Array.from({ length: 600 }, (_, index) => index + offset)
    const before = result({ seedSpread: { seeds: seeds(0), systems: [] } })
    const after = result({ seedSpread: { seeds: seeds(1), systems: [] } })
    const { changes, changeCount } = diffResults(before, after)
    expect(changeCount).toBe(600)
    expect(changes).toHaveLength(MAX_CHANGES)
    // 0 → 1 has no relative change, so it leads; then 1 → 2 (+100%), 2 → 3 (+50%), …
    expect(changes.slice(0, 3).map((c) => [c.path, c.relativeChange])).toEqual([
      ['seedSpread.seeds[0]', null],
      ['seedSpread.seeds[1]', 1],
      ['seedSpread.seeds[2]', 0.5],
    ])
  })
})
