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
  /** The earliest time a sample would be kept: callers on a hot path may skip offers before it. */
  readonly nextInstant: number
}

/**
 * Sampling instants are the multiples of the interval (0, Δ, 2Δ, …). When a sample is due and the
 * buffer is full, every other point is dropped and Δ doubles, so memory stays at `maxPoints` and
 * the kept points stay evenly spread over the whole run, the same way on every run. `sample` runs
 * on every event of the serving simulator: one comparison guards it, and a sample that is not due
 * returns at once.
 */
class ThinnedSeries implements TimeSeries {
  private readonly kept: TimeSeriesPoint[] = []
  nextInstant = 0
  private lastTime = -Infinity

  constructor(
    private readonly maxPoints: number,
    private interval: number,
  ) {}

  sample(time: number, value: number): void {
    if (!(time >= this.lastTime && time < Infinity)) this.refuse(time)
    this.lastTime = time
    if (time < this.nextInstant) return
    if (this.kept.length === this.maxPoints) {
      this.halve()
      if (time < this.nextInstant) return
    }
    this.kept.push({ time, value })
    this.advance()
  }

  points(): TimeSeriesPoint[] {
    return this.kept.map((point) => ({ ...point }))
  }

  // The first multiple of the interval strictly after the newest kept point.
  private advance(): void {
    const newest = this.kept[this.kept.length - 1]
    this.nextInstant = newest === undefined ? 0 : (Math.floor(newest.time / this.interval) + 1) * this.interval
  }

  private halve(): void {
    const kept = this.kept
    const half = Math.ceil(kept.length / 2)
    for (let i = 1; i < half; i++) kept[i] = kept[2 * i]!
    kept.length = half
    this.interval *= 2
    this.advance()
  }

  private refuse(time: number): never {
    if (!Number.isFinite(time)) throw new RangeError(`sample: time must be finite, got ${time}`)
    throw new RangeError(`sample: time went backwards, from ${this.lastTime} s to ${time} s (times must not decrease)`)
  }
}

export function createTimeSeries(options: TimeSeriesOptions): TimeSeries {
  const { maxPoints, initialInterval } = options
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new RangeError(`maxPoints must be a whole number ≥ 2, got ${maxPoints}`)
  }
  if (!Number.isFinite(initialInterval) || initialInterval <= 0) {
    throw new RangeError(`initialInterval must be a finite number of seconds > 0, got ${initialInterval}`)
  }
  return new ThinnedSeries(maxPoints, initialInterval)
}
