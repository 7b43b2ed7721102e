import { describe, expect, it } from 'vitest'
import { createTimeWeightedTally } from '../../../../../../main/sim/coe/metrics/timeWeighted'

describe('createTimeWeightedTally', () => {
  // 0 on [0, 2), 3 on [2, 3), 1 on [3, 4)
  const signal = () => {
    const tally = createTimeWeightedTally()
    tally.set(2, 3)
    tally.set(3, 1)
    return tally
  }

  it.each([
    // (0·2 + 3·1 + 1·1) / 4 = 1.0
    [4, 1],
    // (0·2 + 3·1) / 3 = 1.0
    [3, 1],
    // (0·2 + 3·1 + 1·6) / 9 = 1.0
    [9, 1],
    // (0·2 + 3·1 + 1·8) / 11 = 1.0
    [11, 1],
  ])('averages over [0, %s) to %s', (endTime, expected) => {
    expect(signal().mean(endTime)).toBeCloseTo(expected, 12)
  })

  it('tracks the largest value', () => {
    expect(signal().max).toBe(3)
    expect(createTimeWeightedTally().max).toBe(0)
  })

  it('averages from its start time', () => {
    // busy (1) on [12, 13), idle on [10, 12) and [13, 14): utilisation 1 / 4 = 0.25
    const busy = createTimeWeightedTally(10)
    busy.set(12, 1)
    busy.set(13, 0)
    expect(busy.mean(14)).toBeCloseTo(0.25, 12)
  })

  it('accepts several changes at one instant, the last one holding', () => {
    const tally = createTimeWeightedTally()
    tally.set(1, 5)
    tally.set(1, 2)
    // (0·1 + 2·1) / 2 = 1
    expect(tally.mean(2)).toBeCloseTo(1, 12)
    expect(tally.max).toBe(5)
  })

  it('returns the value held when no time has passed', () => {
    const tally = createTimeWeightedTally(4)
    tally.set(4, 7)
    expect(tally.mean(4)).toBe(7)
  })

  it('stays exact over a million unit steps', () => {
    // value i on [i, i + 1) for i < 10^6: area Σ i = 10^6 (10^6 − 1) / 2; mean = (10^6 − 1) / 2
    const tally = createTimeWeightedTally()
    for (let i = 1; i < 1_000_000; i++) tally.set(i, i)
    expect(tally.mean(1_000_000)).toBe(499_999.5)
  })

  it.each([
    ['set', (tally: ReturnType<typeof signal>) => tally.set(2.5, 0)],
    ['mean', (tally: ReturnType<typeof signal>) => tally.mean(1)],
  ])('throws when %s goes back in time', (_what, call) => {
    expect(() => call(signal())).toThrow(/time went backwards, from 3 s to/)
  })

  it('throws on a time before the start', () => {
    expect(() => createTimeWeightedTally(5).set(4, 1)).toThrow(/from 5 s to 4 s/)
  })

  it('refuses non-finite values', () => {
    expect(() => signal().set(5, Number.NaN)).toThrow(/value must be finite/)
  })
})
