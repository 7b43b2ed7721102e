import { describe, expect, it } from 'vitest'
import { createArrivalClock, type ArrivalProcess } from '../../../../../../main/sim/coe/traffic/arrivals'
import { createStream } from '../../../../../../main/sim/rng'

function times(process: ArrivalProcess, count: number, name = 'arrivals', seed = 1): number[] {
  const clock = createArrivalClock(process, createStream(seed, name))
  return Array.from({ length: count }, () => clock.next())
}

function gaps(series: number[]): number[] {
  return series.map((t, i) => t - (i === 0 ? 0 : (series[i - 1] ?? 0)))
}

function meanAndVariance(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1)
  return { mean, variance }
}

/** Variance over mean of the counts in back-to-back windows: 1 for Poisson, more if bursty. */
function indexOfDispersion(series: number[], window: number): number {
  const windows = Math.floor((series.at(-1) ?? 0) / window)
  const counts = new Array<number>(windows).fill(0)
  for (const t of series) {
    const w = Math.floor(t / window)
    if (w < windows) counts[w] = (counts[w] ?? 0) + 1
  }
  const { mean, variance } = meanAndVariance(counts)
  return variance / mean
}

const poisson: ArrivalProcess = { kind: 'poisson', rate: 50 }
// π0 = s1 / (s0 + s1) = 40 / 50 = 0.8, π1 = 0.2; long-run rate = 10·0.8 + 100·0.2 = 28 /s
const mmpp: ArrivalProcess = { kind: 'mmpp', rates: [10, 100], switchRates: [10, 40] }

describe('createArrivalClock', () => {
  it.each([poisson, mmpp])('repeats for the same seed and name, differs by name ($kind)', (p) => {
    expect(times(p, 1000)).toEqual(times(p, 1000))
    expect(times(p, 1000, 'other')).not.toEqual(times(p, 1000))
  })

  it.each([poisson, mmpp])('gives strictly increasing times ($kind)', (p) => {
    const series = times(p, 50_000)
    expect(series.every((t, i) => i === 0 || t > (series[i - 1] ?? 0))).toBe(true)
    expect(series[0]).toBeGreaterThan(0)
  })

  it('makes Poisson gaps exponential: mean 1/rate, coefficient of variation 1', () => {
    const { mean, variance } = meanAndVariance(gaps(times(poisson, 200_000)))
    // 1 / 50 = 0.02 s; the standard error is 0.02 / √200000 ≈ 0.22 %, so 1 % is ~4.5σ
    expect(Math.abs(mean / 0.02 - 1)).toBeLessThan(0.01)
    expect(Math.abs(Math.sqrt(variance) / mean - 1)).toBeLessThan(0.02)
  })

  it('runs MMPP at the long-run rate r0·π0 + r1·π1', () => {
    const series = times(mmpp, 200_000)
    const rate = series.length / (series.at(-1) ?? 1)
    // 28 /s (above); asymptotic IDC ≈ 2.85, so the relative error is √(2.85 / 200000) ≈ 0.4 %
    expect(Math.abs(rate / 28 - 1)).toBeLessThan(0.02)
  })

  it('makes MMPP burstier than Poisson in 1 s windows', () => {
    // IDC → 1 + 2(r0 − r1)² s0 s1 / ((s0 + s1)³ λ) = 1 + 2·8100·400 / (125000·28) ≈ 2.85
    expect(indexOfDispersion(times(mmpp, 200_000), 1)).toBeGreaterThan(1.5)
    expect(Math.abs(indexOfDispersion(times(poisson, 200_000), 1) - 1)).toBeLessThan(0.1)
  })

  it('runs an on/off MMPP whose off state has no arrivals', () => {
    const onOff: ArrivalProcess = { kind: 'mmpp', rates: [0, 20], switchRates: [1, 1] }
    const series = times(onOff, 100_000)
    // π1 = 1 / 2, so the long-run rate is 20 · 1/2 = 10 /s
    expect(Math.abs(series.length / (series.at(-1) ?? 1) / 10 - 1)).toBeLessThan(0.03)
  })

  it.each<[ArrivalProcess, string]>([
    [{ kind: 'poisson', rate: 0 }, 'poisson arrivals: rate'],
    [{ kind: 'mmpp', rates: [-1, 5], switchRates: [1, 1] }, 'mmpp arrivals: rates[0]'],
    [{ kind: 'mmpp', rates: [1, 5], switchRates: [1, 0] }, 'mmpp arrivals: switchRates[1]'],
    [{ kind: 'mmpp', rates: [0, 0], switchRates: [1, 1] }, 'at least one must be > 0'],
  ])('rejects %j naming the field', (p, message) => {
    expect(() => createArrivalClock(p, createStream(1, 'bad'))).toThrow(message)
  })
})
