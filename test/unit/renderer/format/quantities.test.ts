import { describe, expect, it } from 'vitest'
import {
  formatBytes,
  formatCount,
  formatFactor,
  formatFlopRate,
  formatIntensity,
  formatParameters,
  formatPercent,
  formatRate,
  formatRequestRate,
  formatSeconds,
  formatTimestamp,
} from '../../../../renderer/src/format/quantities'

describe('formatSeconds', () => {
  it.each([
    [0, '0 s'],
    [0.000012, '12 µs'],
    [0.0123456, '12.3 ms'], // below 1 s shows ms
    [0.5, '500 ms'],
    [1, '1 s'],
    [12.345, '12.3 s'],
    [7200, '120 min'],
    [Number.NaN, '—'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text)
  })
})

describe('other formats', () => {
  it('formats rates, bytes and factors', () => {
    expect(formatRate(12345.6)).toBe('12,346 tok/s')
    expect(formatRate(42.25)).toBe('42.3 tok/s')
    expect(formatBytes(640e9)).toBe('640 GB')
    expect(formatBytes(512e6)).toBe('512 MB')
    expect(formatFactor(2.345)).toBe('2.35×') // 2.345 is stored as 2.34500000000000019984…, so it rounds up
    expect(formatFactor(Number.POSITIVE_INFINITY)).toBe('—')
  })

  it.each([
    [3.12e14, '312 TFLOP/s'],
    [1.5e9, '1.5 GFLOP/s'],
    [2e15, '2 PFLOP/s'],
    [12, '12 FLOP/s'],
  ])('%s FLOP/s → %s', (rate, text) => {
    expect(formatFlopRate(rate)).toBe(text)
  })

  it('formats intensities and parameter counts', () => {
    expect(formatIntensity(0.5)).toBe('0.5 FLOP/B')
    expect(formatIntensity(1234)).toBe('1230 FLOP/B') // three significant digits
    expect(formatParameters(6.738415616e9)).toBe('6.74 B')
    expect(formatParameters(176.2e9)).toBe('176 B')
    expect(formatParameters(4.05e11)).toBe('405 B')
    expect(formatParameters(3.5e8)).toBe('350 M')
  })

  it('shows a missing or unparsable timestamp plainly', () => {
    expect(formatTimestamp(null)).toBe('—')
    expect(formatTimestamp('not a date')).toBe('not a date')
  })
})

describe('serving formats', () => {
  it.each([
    [0.2553, '25.5%'], // 25.53 to one decimal
    [0.0507, '5.1%'], // 5.07 → 5.1
    [1, '100.0%'],
    [Number.NaN, '—'],
  ])('%s → %s', (fraction, text) => {
    expect(formatPercent(fraction)).toBe(text)
  })

  it('formats request rates and counts', () => {
    expect(formatRequestRate(1.511998)).toBe('1.51 req/s') // three significant digits
    expect(formatRequestRate(250)).toBe('250 req/s')
    expect(formatCount(20000)).toBe('20,000')
    expect(formatCount(0.0216)).toBe('0.02')
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('—')
  })
})
