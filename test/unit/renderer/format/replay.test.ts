import { describe, expect, it } from 'vitest'
import { formatMetricValue, formatRelativeChange, replayVerdict } from '../../../../renderer/src/format/replay'

describe('replay formatting', () => {
  it.each([
    [true, 0, 'Reproduced'],
    [false, 1, 'Differs: 1 metric changed'],
    [false, 1234, 'Differs: 1,234 metrics changed'],
  ])('reproduced %s with %i changes reads %s', (reproduced, changeCount, expected) => {
    expect(replayVerdict({ reproduced, changeCount })).toBe(expected)
  })

  it.each([
    [null, '—'],
    [0.123456789, '0.123457'],
    [1234567, '1234570'], // six significant digits
    ['outOfMemory', 'outOfMemory'],
    [true, 'true'],
  ])('shows the metric value %j as %s', (value, expected) => {
    expect(formatMetricValue(value)).toBe(expected)
  })

  it.each([
    [null, '—'],
    [0, '0%'],
    [0.125, '+12.5%'],
    [-0.00031, '−0.031%'],
    [2, '+200%'],
  ])('shows the relative change %j as %s', (change, expected) => {
    expect(formatRelativeChange(change)).toBe(expected)
  })
})
