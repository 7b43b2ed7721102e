import { describe, expect, it } from 'vitest'
import {
  describeSweepValues,
  formatSweepValue,
  parseSweepValues,
} from '../../../../renderer/src/viewModels/sweepValues'

const values = (text: string, integer = false) => {
  const parsed = parseSweepValues(text, { integer })
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.values
}
const message = (text: string, integer = false) => {
  const parsed = parseSweepValues(text, { integer })
  return parsed.ok ? '' : parsed.message
}

describe('parseSweepValues', () => {
  it.each([
    ['1,2,4', [1, 2, 4]],
    [' 8 , 16 ', [8, 16]],
    ['42', [42]],
    ['lru,lfu,pinned,belady', ['lru', 'lfu', 'pinned', 'belady']],
    ['true,false', [true, false]],
    ['1e3,2.5e-1,-3', [1000, 0.25, -3]],
    ['dgx-h100,sn40l-node', ['dgx-h100', 'sn40l-node']],
  ])('reads the list %s', (text, expected) => expect(values(text)).toEqual(expected))

  it.each([
    // 10, 10+30=40, 70, 100: stop reached exactly
    ['10..100:30', [10, 40, 70, 100]],
    // 1..10 by 4: 1, 5, 9 (13 would pass the stop)
    ['1..10:4', [1, 5, 9]],
    // binary fractions: 0.1·3 is 0.30000000000000004, written 0.3; 1 is still reached
    ['0..1:0.1', [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]],
    ['5..5:1', [5]],
  ])('expands the linear range %s, both ends included', (text, expected) => expect(values(text)).toEqual(expected))

  it.each([
    // 10·100^(i/4): 10, 31.6227766017, 100, 316.227766017, 1000
    ['10..1000:x5', [10, 31.6227766017, 100, 316.227766017, 1000]],
    // 1·8^(i/3): 1, 2, 4, 8
    ['1..8:x4', [1, 2, 4, 8]],
    ['1..100:x2', [1, 100]],
  ])('spreads the log range %s over N points', (text, expected) => expect(values(text)).toEqual(expected))

  it('rounds a log range to whole numbers for an integer field, dropping duplicates', () => {
    // 10, 31.6, 100, 316.2, 1000 → 10, 32, 100, 316, 1000
    expect(values('10..1000:x5', true)).toEqual([10, 32, 100, 316, 1000])
    // 1·3^(i/4): 1, 1.32, 1.73, 2.28, 3 → 1, 1, 2, 2, 3 → 1, 2, 3
    expect(values('1..3:x5', true)).toEqual([1, 2, 3])
  })

  it.each([
    ['', 'give values'],
    ['1,,2', 'between every two commas'],
    ['1..10:0', 'above 0'],
    ['10..1:1', 'stop must be at least start'],
    ['0..100:x3', 'above 0'],
    ['1..100:x1', 'at least 2'],
    ['1..100', 'start..stop:step'],
    ['0..100000:1', 'at most 10000'],
  ])('explains what is wrong with %j', (text, expected) => expect(message(text)).toContain(expected))

  it('refuses fractions for an integer field in lists and linear ranges', () => {
    expect(message('1,2.5', true)).toContain('whole numbers, not 2.5')
    expect(message('1..2:0.5', true)).toContain('whole numbers, not 1.5')
  })
})

describe('describeSweepValues', () => {
  it.each([
    [[1, 2, 4], '1, 2, 4 (3 values)'],
    [['lru'], 'lru (1 value)'],
    [[10, 31.6227766017, 100, 316.227766017, 1000, 3162, 10000], '10, 31.62, 100, 316.2 … 10000 (7 values)'],
  ])('%j → %s', (input, expected) => expect(describeSweepValues(input)).toBe(expected))
})

describe('formatSweepValue', () => {
  it.each([
    [100, '100'],
    [31.6227766017, '31.62'],
    [0.567, '0.567'],
    [0, '0'],
    [450_000_000_000, '4.5e+11'],
    [64_000_000_000, '6.4e+10'],
    [0.00000357, '3.57e-6'],
    [1e6, '1e+6'],
    ['lru', 'lru'],
    [true, 'true'],
  ])('%j → %s', (value, expected) => expect(formatSweepValue(value)).toBe(expected))
})
