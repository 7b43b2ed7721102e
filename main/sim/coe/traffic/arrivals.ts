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
 * `now` plus an exponential gap at `rate`; a gap too small to move `now` (vanishingly rare) is
 * drawn again. Called once per arrival: it takes the stream and rate, not a closure, so that
 * drawing allocates nothing.
 */
function advance(now: number, stream: RandomStream, rate: number): number {
  for (;;) {
    const later = now + exponential(stream, rate)
    if (later > now) return later
  }
}

function poissonClock(rate: number, stream: RandomStream): ArrivalClock {
  if (!(rate > 0 && Number.isFinite(rate))) {
    throw new Error(`poisson arrivals: rate: expected a finite number > 0, got ${rate}`)
  }
  let now = 0
  return { next: () => (now = advance(now, stream, rate)) }
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
}

/**
 * Exact MMPP: in state i the next arrival (rate r_i) and the next switch (rate s_i) race; the
 * winner of two competing exponentials comes at rate r_i + s_i and is an arrival with probability
 * r_i / (r_i + s_i). The first state is drawn from the stationary law π0 = s1 / (s0 + s1), so the
 * process is stationary from time 0.
 */
function mmppClock(rates: [number, number], switchRates: [number, number], stream: RandomStream): ArrivalClock {
  checkMmpp(rates, switchRates)
  const [s0, s1] = switchRates
  let state: 0 | 1 = stream.next() < s1 / (s0 + s1) ? 0 : 1
  let now = 0
  return {
    next() {
      for (;;) {
        const arrivalRate = rates[state]
        const total = arrivalRate + switchRates[state]
        now = advance(now, stream, total)
        if (stream.next() * total < arrivalRate) return now
        state = state === 0 ? 1 : 0
      }
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
