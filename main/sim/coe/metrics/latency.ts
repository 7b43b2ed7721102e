import { createCompensatedSum } from './compensatedSum'
import { LogHistogram } from './logHistogram'
import type { LatencyStats } from '../../result'

/** One point of the empirical CDF: a `fraction` of the requests took at most `seconds`. */
export interface CdfPoint {
  seconds: number
  fraction: number
}

/** A streaming latency record: constant memory however many requests it sees. */
export interface LatencyTally {
  record(seconds: number): void
  readonly count: number
  /** The result's latency statistics: percentiles within 0.05 % (half a 2^-10 bucket); mean and max exact. */
  summary(): LatencyStats
  /** At most `points` points of the CDF, for charts; empty when nothing was recorded. */
  cdf(points?: number): CdfPoint[]
  /** Bytes the tally holds, for tests and diagnostics: fixed at creation. */
  readonly estimatedFootprintBytes: number
}

/**
 * A tally of latencies in a log-linear histogram from about 1 µs to 4.6 h (values beyond share
 * the end buckets; min, max and mean stay exact).
 */
export function createLatencyTally(): LatencyTally {
  const histogram = new LogHistogram()
  const sum = createCompensatedSum()
  let min = Infinity
  let max = 0

  // A bucket's middle may sit just outside the values seen: clamp to them.
  const secondsAt = (fractions: number[]): number[] =>
    histogram.valuesAt(fractions).map((seconds) => Math.min(Math.max(seconds, min), max))

  return {
    record(seconds: number): void {
      if (!(seconds >= 0 && seconds < Infinity)) {
        throw new RangeError(`latency must be a finite number of seconds ≥ 0, got ${seconds}`)
      }
      histogram.record(seconds)
      sum.add(seconds)
      if (seconds > max) max = seconds
      if (seconds < min) min = seconds
    },
    get count(): number {
      return histogram.total
    },
    summary(): LatencyStats {
      const count = histogram.total
      if (count === 0) return { count: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 }
      const [p50, p90, p99] = secondsAt([0.5, 0.9, 0.99]) as [number, number, number]
      return { count, mean: sum.value / count, p50, p90, p99, max }
    },
    cdf(points = 50): CdfPoint[] {
      if (!Number.isInteger(points) || points < 1) {
        throw new RangeError(`cdf points must be a whole number ≥ 1, got ${points}`)
      }
      const curve: CdfPoint[] = []
      if (histogram.total === 0) return curve
      const fractions = Array.from({ length: points }, (_, i) => (i + 1) / points)
      const values = secondsAt(fractions)
      values[points - 1] = max
      fractions.forEach((fraction, i) => {
        const seconds = values[i]!
        const last = curve[curve.length - 1]
        // A step of the CDF shows once, at its top.
        if (last !== undefined && last.seconds === seconds) last.fraction = fraction
        else curve.push({ seconds, fraction })
      })
      return curve
    },
    get estimatedFootprintBytes(): number {
      return histogram.footprintBytes
    },
  }
}
