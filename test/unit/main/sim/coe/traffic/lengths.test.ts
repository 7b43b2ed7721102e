import { describe, expect, it } from 'vitest'
import { createLengthSampler, type LengthDistribution } from '../../../../../../main/sim/coe/traffic/lengths'
import { createStream } from '../../../../../../main/sim/rng'

function samples(d: LengthDistribution, count: number, name = 'lengths'): number[] {
  const sample = createLengthSampler(d, createStream(5, name))
  return Array.from({ length: count }, sample)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

const chat: LengthDistribution = { kind: 'lognormal', median: 500, sigma: 1, max: 1_000_000 }

describe('createLengthSampler', () => {
  it('repeats for the same seed and name, differs by name', () => {
    expect(samples(chat, 100)).toEqual(samples(chat, 100))
    expect(samples(chat, 100, 'other')).not.toEqual(samples(chat, 100))
  })

  it('returns a fixed value', () => {
    expect(new Set(samples({ kind: 'fixed', value: 128 }, 100))).toEqual(new Set([128]))
  })

  it('reaches both bounds of a uniform range and nothing outside', () => {
    const seen = new Set(samples({ kind: 'uniform', min: 3, max: 7 }, 10_000))
    expect([...seen].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7])
  })

  it('puts the lognormal median at the given median', () => {
    const values = samples(chat, 100_000)
    // standard error of the median ≈ m·σ·√(2π) / (2√n) = 500·2.507 / 632 ≈ 2 (0.4 %)
    expect(Math.abs(median(values) / 500 - 1)).toBeLessThan(0.03)
    expect(values.every((v) => Number.isInteger(v) && v >= 1)).toBe(true)
  })

  it('clamps the lognormal to [1, max]', () => {
    expect(new Set(samples({ kind: 'lognormal', median: 500, sigma: 0.1, max: 10 }, 1000))).toEqual(new Set([10]))
    // median 1, σ 3: half the draws are below 1 before clamping
    const low = samples({ kind: 'lognormal', median: 1, sigma: 3, max: 50 }, 10_000)
    expect(Math.min(...low)).toBe(1)
    expect(Math.max(...low)).toBe(50)
  })

  it.each<[LengthDistribution, string]>([
    [{ kind: 'fixed', value: 0 }, 'fixed length: value: expected an integer >= 1, got 0'],
    [{ kind: 'uniform', min: 5, max: 4 }, 'uniform length: max: expected an integer >= 5, got 4'],
    [{ kind: 'uniform', min: 1.5, max: 4 }, 'uniform length: min'],
    [{ kind: 'lognormal', median: 0, sigma: 1, max: 9 }, 'lognormal length: median'],
    [{ kind: 'lognormal', median: 9, sigma: -1, max: 9 }, 'lognormal length: sigma'],
  ])('rejects %j naming the field', (d, message) => {
    expect(() => createLengthSampler(d, createStream(1, 'bad'))).toThrow(message)
  })
})
