import { describe, expect, it } from 'vitest'
import { createCounters } from '../../../../../../main/sim/coe/metrics/counters'

describe('createCounters', () => {
  it('starts every count at zero', () => {
    expect(createCounters()).toEqual({
      arrived: 0,
      completed: 0,
      dropped: 0,
      timedOut: 0,
      hits: 0,
      misses: 0,
      switches: 0,
      switchSeconds: 0,
    })
  })

  it('gives each run its own counters', () => {
    const first = createCounters()
    first.switches++
    first.switchSeconds += 0.5
    expect(createCounters().switches).toBe(0)
    expect(first).toMatchObject({ switches: 1, switchSeconds: 0.5 })
  })
})
