import { describe, expect, it } from 'vitest'
import { upgradeResult } from '../../../contract/resultUpgrade'

const spread = { p5: 1, p50: 2, p95: 3 }

describe('upgradeResult', () => {
  it('moves `sweep` to `seedSpread` in its place, with today’s metric names', () => {
    const old = {
      scenario: {},
      systems: [],
      sweep: { seeds: [7, 8], systems: [{ systemId: 'sn40l-node', metrics: { latencyP50: spread, ttftP50: spread } }] },
      provenance: { seed: 7 },
    }
    const upgraded = upgradeResult(old) as Record<string, unknown>
    expect(Object.keys(upgraded)).toEqual(['scenario', 'systems', 'seedSpread', 'provenance'])
    expect(upgraded.seedSpread).toEqual({
      seeds: [7, 8],
      systems: [{ systemId: 'sn40l-node', metrics: { servingLatencyP50: spread, servingTtftP50: spread } }],
    })
    expect(old).toHaveProperty('sweep') // the input is left as it was
  })

  it('leaves a result without `sweep`, or already upgraded, as it is', () => {
    const plain = { systems: [], serving: null }
    expect(upgradeResult(plain)).toBe(plain)
    const both = { sweep: { seeds: [] }, seedSpread: { seeds: [], systems: [] } }
    expect(upgradeResult(both)).toBe(both)
    const once = upgradeResult({ sweep: { seeds: [1], systems: [] } })
    expect(upgradeResult(once)).toBe(once)
    expect(upgradeResult(null)).toBeNull()
  })

  it('keeps names it does not know and never reaches the prototype', () => {
    const upgraded = upgradeResult({
      sweep: { seeds: [1], systems: [{ systemId: 'a', metrics: { toString: spread, future: spread } }] },
    }) as unknown as { seedSpread: { systems: { metrics: object }[] } }
    expect(Object.keys(upgraded.seedSpread.systems[0]!.metrics)).toEqual(['toString', 'future'])
  })
})
