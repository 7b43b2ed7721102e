import { describe, expect, it } from 'vitest'
import { AxisValueError, parseAxisValues } from '../../../../../main/sim/grid/axisValues'

describe('parseAxisValues', () => {
  it.each([
    ['8,16,32', [8, 16, 32]],
    ['lru, lfu ,belady', ['lru', 'lfu', 'belady']],
    ['true,false', [true, false]],
    ['1e3,0.5,sn40l-node', [1000, 0.5, 'sn40l-node']],
    ['42', [42]],
  ])('reads the list %s', (text, expected) => {
    expect(parseAxisValues(text)).toEqual(expected)
  })

  it.each([
    // 10, 20, …, 100: (100 − 10) / 10 + 1 = 10 values
    ['10..100:10', [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]],
    // 0.1 steps land on 0.3, not 0.30000000000000004, and include the stop
    ['0..1:0.1', [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]],
    // the stop is not a whole number of steps away: it is not reached
    ['1..10:4', [1, 5, 9]],
    ['5..5:1', [5]],
  ])('expands the linear range %s', (text, expected) => {
    expect(parseAxisValues(text)).toEqual(expected)
  })

  it('expands log ranges: integer ends round, written fractions do not', () => {
    // ratio 10 per step: 1, 10, 100, 1000
    expect(parseAxisValues('1..1000:x4')).toEqual([1, 10, 100, 1000])
    // ratio 1000^(1/4) ≈ 5.623: 1, 5.623, 31.62, 177.8, 1000
    expect(parseAxisValues('1..1000:x5')).toEqual([1, 6, 32, 178, 1000])
    const exact = parseAxisValues('1.0..1000:x5') as number[]
    expect(exact[1]).toBeCloseTo(5.6234, 4)
    expect(exact[3]).toBeCloseTo(177.828, 3)
    expect(exact.at(-1)).toBe(1000)
    // a field that takes fractions keeps them even with integer ends
    expect((parseAxisValues('1..1000:x5', { integer: false }) as number[])[1]).toBeCloseTo(5.6234, 4)
    // 1..4 in 6 points rounds to 1, 1, 2, 2, 3, 4 (1.32, 1.74, 2.30, 3.03): duplicates go
    expect(parseAxisValues('1..4:x6')).toEqual([1, 2, 3, 4])
  })

  it.each([
    ['1..10:0', /step must be positive/],
    ['10..1:1', /runs backwards/],
    ['0..10:x3', /positive ends/],
    ['1..10:x1', /N ≥ 2/],
    ['a..10:1', /start: "a" is not a number/],
    ['1,,2', /empty list item/],
    ['0..1000000:1', /at most 10000 per axis/],
  ])('explains the mistake in %s', (text, message) => {
    expect(() => parseAxisValues(text)).toThrow(AxisValueError)
    expect(() => parseAxisValues(text)).toThrow(message)
  })
})
