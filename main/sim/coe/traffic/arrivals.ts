import { exponential, type RandomStream } from '../../rng'

/** When requests arrive. Rates are per second. */
export type ArrivalProcess =
  | { kind: 'poisson'; rate: number }
  /**
   * Two-state Markov-modulated Poisson: in state i requests arrive at `rates[i]` and the state
   * flips after an exponential time with rate `switchRates[i]`. Bursty where Poisson is not.
   */
  | { kind: 'mmpp'; rates: [number, number]; switchRates: [number, number] }

/** Successive absolute arrival times in seconds, strictly increasing, drawn one at a time. */
export interface ArrivalClock {
  next(): number
}

/**
 * Draws allowed for one gap. A draw is retried only when the gap does not move `now` (u = 0
 * exactly, or a gap below the clock's resolution): at rates the scenario schema accepts that is
 * vanishingly rare, so needing more than this many means the rate cannot work, not bad luck.
 */
const MAX_DRAWS = 16

/**
 * `now` plus an exponential gap at `rate`; a gap too small to move `now` is drawn again, at most
 * MAX_DRAWS times, and a time that is not finite is an error: either would otherwise loop forever.
 * Called once per arrival: it takes the stream and rate, not a closure, so that drawing allocates
 * nothing.
 */
function advance(now: number, stream: RandomStream, rate: number, what: string): number {
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const later = now + exponential(stream, rate)
    if (later > now && later < Infinity) return later
    if (!(later <= now)) break // ∞ or NaN: drawing again cannot help
  }
  throw new Error(
    `${what}: at ${rate} per second no exponential gap moves the clock past ${now} s to a finite time: ` +
      'the scenario schema keeps rates from 1e-6 to 1e7 per second',
  )
}

function poissonClock(rate: number, stream: RandomStream): ArrivalClock {
  // 1 / rate finite too: at a subnormal rate every gap is infinite.
  if (!(rate > 0 && Number.isFinite(rate) && Number.isFinite(1 / rate))) {
    throw new Error(`poisson arrivals: rate: expected a finite number > 0 with a finite mean gap, got ${rate}`)
  }
  let now = 0
  return { next: () => (now = advance(now, stream, rate, 'poisson arrivals: rate')) }
}

function checkMmpp(rates: [number, number], switchRates: [number, number]): void {
  for (const [name, values, least] of [
    ['rates', rates, 0],
    ['switchRates', switchRates, Number.MIN_VALUE],
  ] as const) {
    values.forEach((value, i) => {
      if (!(value >= least && Number.isFinite(value))) {
        const bound = least === 0 ? '>= 0' : '> 0'
        throw new Error(`mmpp arrivals: ${name}[${i}]: expected a finite number ${bound}, got ${value}`)
      }
    })
  }
  if (rates[0] + rates[1] <= 0) throw new Error('mmpp arrivals: rates: at least one must be > 0')
  // Each state races its arrivals against its switch at rates[i] + switchRates[i]: that sum, and
  // the switch rates' sum that sets the first state, must not overflow.
  const totals = [rates[0] + switchRates[0], rates[1] + switchRates[1], switchRates[0] + switchRates[1]]
  if (!totals.every(Number.isFinite)) {
    throw new Error(
      `mmpp arrivals: rates and switchRates: ${rates.join(', ')} and ${switchRates.join(', ')} per second add up to more than a number can hold`,
    )
  }
}

/**
 * State switches allowed between two arrivals. The scenario schema keeps switch rates within 100×
 * the larger arrival rate, which bounds the mean at 200; a million means the rates cannot work.
 */
const MAX_SWITCHES = 1_000_000

/**
 * Exact MMPP: in state i the next arrival (rate r_i) and the next switch (rate s_i) race; the
 * winner of two competing exponentials comes at rate r_i + s_i and is an arrival with probability
 * r_i / (r_i + s_i). The first state is drawn from the stationary law π0 = s1 / (s0 + s1), so the
 * process is stationary from time 0.
 */
function mmppClock(rates: [number, number], switchRates: [number, number], stream: RandomStream): ArrivalClock {
  checkMmpp(rates, switchRates)
  const [s0, s1] = switchRates
  const what = ['mmpp arrivals: rates[0] + switchRates[0]', 'mmpp arrivals: rates[1] + switchRates[1]'] as const
  let state: 0 | 1 = stream.next() < s1 / (s0 + s1) ? 0 : 1
  let now = 0
  return {
    next() {
      for (let switches = 0; switches < MAX_SWITCHES; switches++) {
        const arrivalRate = rates[state]
        const total = arrivalRate + switchRates[state]
        now = advance(now, stream, total, what[state])
        if (stream.next() * total < arrivalRate) return now
        state = state === 0 ? 1 : 0
      }
      throw new Error(
        `mmpp arrivals: switchRates: ${MAX_SWITCHES} state switches without an arrival: switchRates ${switchRates.join(', ')} ` +
          `per second leave the states too fast for rates ${rates.join(', ')} per second`,
      )
    },
  }
}

/** A lazy clock for `process`: the simulator pulls one arrival time at a time. */
export function createArrivalClock(process: ArrivalProcess, stream: RandomStream): ArrivalClock {
  switch (process.kind) {
    case 'poisson':
      return poissonClock(process.rate, stream)
    case 'mmpp':
      return mmppClock(process.rates, process.switchRates, stream)
  }
}
