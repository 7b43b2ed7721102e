/** The time-average of a piecewise-constant signal: queue length, busy 0/1, resident experts. */
export interface TimeWeightedTally {
  /** From `time` on, the signal is `value`. Times must not go backwards. */
  set(time: number, value: number): void
  /** The average of the signal from the start time to `endTime`. */
  mean(endTime: number): number
  /** The largest value the signal has taken (0 before any `set`). */
  readonly max: number
}

/**
 * The area under the signal as a compensated sum (Neumaier), inlined because `set` runs on the
 * simulator's hot path: millions of small areas added to a large total would otherwise lose their
 * low bits. One comparison guards each call; the messages come only on the failing path.
 */
class TimeWeighted implements TimeWeightedTally {
  private sum = 0
  private compensation = 0
  private lastTime: number
  private lastValue = 0
  max = 0

  constructor(private readonly startTime: number) {
    this.lastTime = startTime
  }

  set(time: number, value: number): void {
    if (!(time >= this.lastTime && time < Infinity && value - value === 0)) this.refuse('set', time, value)
    const term = this.lastValue * (time - this.lastTime)
    const next = this.sum + term
    this.compensation += Math.abs(this.sum) >= Math.abs(term) ? this.sum - next + term : term - next + this.sum
    this.sum = next
    this.lastTime = time
    this.lastValue = value
    if (value > this.max) this.max = value
  }

  mean(endTime: number): number {
    if (!(endTime >= this.lastTime && endTime < Infinity)) this.refuse('mean', endTime, 0)
    const duration = endTime - this.startTime
    // Over no time at all, the average is the value the signal holds.
    if (duration === 0) return this.lastValue
    return (this.sum + this.compensation + this.lastValue * (endTime - this.lastTime)) / duration
  }

  private refuse(what: string, time: number, value: number): never {
    if (!Number.isFinite(time)) throw new RangeError(`${what}: time must be finite, got ${time}`)
    if (time < this.lastTime) {
      throw new RangeError(
        `${what}: time went backwards, from ${this.lastTime} s to ${time} s (times must not decrease)`,
      )
    }
    throw new RangeError(`${what}: value must be finite, got ${value}`)
  }
}

/** A signal that is 0 from `startTime` until the first `set`. */
export function createTimeWeightedTally(startTime = 0): TimeWeightedTally {
  if (!Number.isFinite(startTime)) throw new RangeError(`startTime must be finite, got ${startTime}`)
  return new TimeWeighted(startTime)
}
