/** One kept sample. */
export interface TimeSeriesPoint {
  time: number
  value: number
}

export interface TimeSeriesOptions {
  /** The most points ever held (≥ 2). */
  maxPoints: number
  /** Seconds between sampling instants at the start; doubles each time the buffer fills. */
  initialInterval: number
}

/** A bounded, evenly thinned record of a signal over a run of any length. */
export interface TimeSeries {
  /** Offer the signal's `value` at `time`; kept only when `time` reaches the next sampling instant. */
  sample(time: number, value: number): void
  points(): TimeSeriesPoint[]
}

/**
 * Sampling instants are the multiples of the interval (0, Δ, 2Δ, …). When a sample is due and the
 * buffer is full, every other point is dropped and Δ doubles, so memory stays at `maxPoints` and
 * the kept points stay evenly spread over the whole run, the same way on every run.
 */
export function createTimeSeries(options: TimeSeriesOptions): TimeSeries {
  const { maxPoints, initialInterval } = options
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new RangeError(`maxPoints must be a whole number ≥ 2, got ${maxPoints}`)
  }
  if (!Number.isFinite(initialInterval) || initialInterval <= 0) {
    throw new RangeError(`initialInterval must be a finite number of seconds > 0, got ${initialInterval}`)
  }
  const kept: TimeSeriesPoint[] = []
  let interval = initialInterval
  let nextInstant = 0
  let lastTime = -Infinity

  // The first multiple of the interval strictly after the newest kept point.
  const advance = (): void => {
    const newest = kept[kept.length - 1]
    nextInstant = newest === undefined ? 0 : (Math.floor(newest.time / interval) + 1) * interval
  }

  const halve = (): void => {
    const half = Math.ceil(kept.length / 2)
    for (let i = 1; i < half; i++) kept[i] = kept[2 * i]!
    kept.length = half
    interval *= 2
    advance()
  }

  return {
    sample(time: number, value: number): void {
      if (!Number.isFinite(time)) throw new RangeError(`sample: time must be finite, got ${time}`)
      if (time < lastTime) {
        throw new RangeError(`sample: time went backwards, from ${lastTime} s to ${time} s (times must not decrease)`)
      }
      lastTime = time
      if (time < nextInstant) return
      if (kept.length === maxPoints) {
        halve()
        if (time < nextInstant) return
      }
      kept.push({ time, value })
      advance()
    },
    points(): TimeSeriesPoint[] {
      return kept.map((point) => ({ ...point }))
    },
  }
}
