import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createArrivalClock, type ArrivalProcess } from '../../../../../../main/sim/coe/traffic/arrivals'
import { createStream, type RandomStream } from '../../../../../../main/sim/rng'
import { ServingSchema } from '../../../../../../main/sim/scenario/servingSchema'

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

/**
 * `stream`, failing after `limit` draws: a clock that would loop for ever fails the test with
 * this message instead of hanging it.
 */
function capped(stream: RandomStream, limit: number): RandomStream {
  let draws = 0
  return {
    next: () => {
      if (++draws > limit) throw new Error(`still drawing after ${limit} draws`)
      return stream.next()
    },
  }
}

describe('arrival clocks at rates the arithmetic cannot carry', () => {
  it.each<[string, ArrivalProcess, RegExp]>([
    // 1 / 5e-324 is ∞: every gap is infinite (or 0, when the uniform draw is 0).
    ['a subnormal Poisson rate', { kind: 'poisson', rate: 5e-324 }, /^poisson arrivals: rate: .*5e-324/],
    // 1e308 + 1e308 is ∞: every gap is 0 and never moves the clock.
    [
      'MMPP rates whose sums overflow',
      { kind: 'mmpp', rates: [1e308, 1e308], switchRates: [1e308, 1e308] },
      /^mmpp arrivals: rates and switchRates: 1e\+308, 1e\+308 and 1e\+308, 1e\+308 per second add up/,
    ],
  ])('refuses %s instead of looping', (_label, process, message) => {
    expect(() => createArrivalClock(process, capped(createStream(1, 'arrivals'), 1000)).next()).toThrow(message)
  })

  it('gives up after a bounded number of draws that do not move the clock, naming the rate', () => {
    // Every uniform draw 0: every gap is 0. Before the bound, advance() drew for ever.
    const zeros = capped({ next: () => 0 }, 1000)
    expect(() => createArrivalClock({ kind: 'poisson', rate: 3 }, zeros).next()).toThrow(
      /^poisson arrivals: rate: at 3 per second no exponential gap moves the clock past 0 s/,
    )
  })

  it('gives up on MMPP states that switch for ever without an arrival', () => {
    // Outside the schema's bounds: arrivals at 1e-300 /s against switches at 1 /s.
    const process: ArrivalProcess = { kind: 'mmpp', rates: [1e-300, 0], switchRates: [1, 1] }
    expect(() => createArrivalClock(process, capped(createStream(1, 'arrivals'), 3_000_000)).next()).toThrow(
      /^mmpp arrivals: switchRates: 1000000 state switches without an arrival/,
    )
  })
})

/** A rate from 1e-6 to 1e7 per second, log-uniform, with both ends as likely picks. */
const anyRate = fc.oneof(
  fc.constantFrom(1e-6, 1e7),
  fc.double({ min: -6, max: 7, noNaN: true }).map((e) => Math.min(1e7, Math.max(1e-6, 10 ** e))),
)

/** x in [lo, hi], log-uniform by the fraction f in [0, 1]. */
const logBetween = (lo: number, hi: number, f: number): number =>
  Math.min(hi, Math.max(lo, Math.exp(Math.log(lo) + f * (Math.log(hi) - Math.log(lo)))))

/** MMPP switch rates as the schema bounds them: each ≤ 100 × the larger rate, within 1e4 × each other. */
const anyMmpp = fc
  .tuple(anyRate, anyRate, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([r0, r1, f0, f1]): ArrivalProcess => {
    const hi = Math.min(1e7, 100 * Math.max(r0, r1))
    const s0 = logBetween(1e-6, hi, f0)
    const s1 = logBetween(Math.max(1e-6, s0 / 1e4), Math.min(hi, s0 * 1e4), f1)
    return { kind: 'mmpp', rates: [r0, r1], switchRates: [s0, s1] }
  })

describe('arrival clocks at any rate the schema accepts', () => {
  it('give 1000 finite, strictly increasing arrival times', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyRate.map((rate): ArrivalProcess => ({ kind: 'poisson', rate })),
          anyMmpp,
        ),
        fc.integer({ min: 0, max: 1000 }),
        (process, seed) => {
          expect(ServingSchema.safeParse({ experts: 1, traffic: process }).success).toBe(true)
          const clock = createArrivalClock(process, capped(createStream(seed, 'arrivals'), 10_000_000))
          let previous = 0
          for (let i = 0; i < 1000; i++) {
            const time = clock.next()
            expect(Number.isFinite(time) && time > previous).toBe(true)
            previous = time
          }
        },
      ),
      { seed: 20240611, numRuns: 100 },
    )
  })
})
