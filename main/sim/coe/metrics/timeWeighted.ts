import { createCompensatedSum } from './compensatedSum'

/** The time-average of a piecewise-constant signal: queue length, busy 0/1, resident experts. */
export interface TimeWeightedTally {
  /** From `time` on, the signal is `value`. Times must not go backwards. */
  set(time: number, value: number): void
  /** The average of the signal from the start time to `endTime`. */
  mean(endTime: number): number
  /** The largest value the signal has taken (0 before any `set`). */
  readonly max: number
}

/** A signal that is 0 from `startTime` until the first `set`. */
export function createTimeWeightedTally(startTime = 0): TimeWeightedTally {
  if (!Number.isFinite(startTime)) throw new RangeError(`startTime must be finite, got ${startTime}`)
  const area = createCompensatedSum()
  let lastTime = startTime
  let lastValue = 0
  let max = 0

  const checkTime = (what: string, time: number): void => {
    if (!Number.isFinite(time)) throw new RangeError(`${what}: time must be finite, got ${time}`)
    if (time < lastTime) {
      throw new RangeError(`${what}: time went backwards, from ${lastTime} s to ${time} s (times must not decrease)`)
    }
  }

  return {
    set(time: number, value: number): void {
      checkTime('set', time)
      if (!Number.isFinite(value)) throw new RangeError(`set: value must be finite, got ${value}`)
      area.add(lastValue * (time - lastTime))
      lastTime = time
      lastValue = value
      if (value > max) max = value
    },
    mean(endTime: number): number {
      checkTime('mean', endTime)
      const duration = endTime - startTime
      // Over no time at all, the average is the value the signal holds.
      if (duration === 0) return lastValue
      return (area.value + lastValue * (endTime - lastTime)) / duration
    },
    get max(): number {
      return max
    },
  }
}
