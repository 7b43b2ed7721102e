import { describe, expect, it } from 'vitest'
import { formatDelta, formatMetric, formatRelative } from '../../../../renderer/src/format/metrics'

describe('compare formats', () => {
  it.each([
    ['seconds', 0.1295, '130 ms'],
    ['tokensPerSecond', 1234.5, '1,235 tok/s'],
    ['requestsPerSecond', 1.512, '1.51 req/s'],
    ['bytes', 14e9, '14 GB'],
    ['fraction', 0.7246, '72.5%'],
    ['calls', 5505, '5,505'],
  ] as const)('writes a %s value with its unit', (unit, value, text) => {
    expect(formatMetric(unit, value)).toBe(text)
  })

  it.each([
    ['seconds', 0.0125, '+12.5 ms'],
    ['seconds', -2, '−2 s'],
    ['fraction', -0.021, '−2.1 pp'], // percentage points, not a percent of a percent
    ['calls', 0, '±0'],
  ] as const)('signs a %s delta', (unit, delta, text) => {
    expect(formatDelta(unit, delta)).toBe(text)
  })

  it.each([
    [0.052, '+5.2%'],
    [-0.5, '−50.0%'],
    [0, '±0.0%'],
    [null, '—'],
  ])('writes a relative change %s', (relative, text) => {
    expect(formatRelative(relative)).toBe(text)
  })
})
