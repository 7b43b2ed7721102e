import { build, type Histogram } from 'hdr-histogram-js'
import { createCompensatedSum } from './compensatedSum'

/** Latency statistics in seconds. Percentiles are within 0.1 % (3 significant digits); mean and max are exact. */
export interface LatencySummary {
  count: number
  mean: number
  p50: number
  p90: number
  p99: number
  max: number
}

/** One point of the empirical CDF: a `fraction` of the requests took at most `seconds`. */
export interface CdfPoint {
  seconds: number
  fraction: number
}

/** A streaming latency record: constant memory however many requests it sees. */
export interface LatencyTally {
  record(seconds: number): void
  readonly count: number
  summary(): LatencySummary
  /** At most `points` points of the CDF, for charts; empty when nothing was recorded. */
  cdf(points?: number): CdfPoint[]
  /** The histogram's own (conservatively high) estimate of its memory, for tests and diagnostics. */
  readonly estimatedFootprintBytes: number
}

const MICROSECONDS_PER_SECOND = 1e6
/** 10^4 s in µs. Longer latencies are clamped into the top bucket (max stays exact). */
const HIGHEST_TRACKABLE_MICROSECONDS = 1e10

/** A tally of latencies, recorded as whole microseconds in an HDR histogram from 1 µs to 10^4 s. */
export function createLatencyTally(): LatencyTally {
  // 64-bit (Float64Array) counts: exact up to 2^53 per bucket, ~200 kB, fixed size (no auto-resize).
  const histogram: Histogram = build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_TRACKABLE_MICROSECONDS,
    numberOfSignificantValueDigits: 3,
    bitBucketSize: 64,
    autoResize: false,
    useWebAssembly: false,
  })
  const sum = createCompensatedSum()
  let count = 0
  let max = 0

  // Histogram buckets report their highest equivalent value, which may sit just above the true max.
  const secondsAt = (percentile: number): number =>
    Math.min(histogram.getValueAtPercentile(percentile) / MICROSECONDS_PER_SECOND, max)

  return {
    record(seconds: number): void {
      if (!Number.isFinite(seconds) || seconds < 0) {
        throw new RangeError(`latency must be a finite number of seconds ≥ 0, got ${seconds}`)
      }
      const microseconds = Math.min(Math.round(seconds * MICROSECONDS_PER_SECOND), HIGHEST_TRACKABLE_MICROSECONDS)
      histogram.recordValue(microseconds)
      sum.add(seconds)
      count++
      if (seconds > max) max = seconds
    },
    get count(): number {
      return count
    },
    summary(): LatencySummary {
      if (count === 0) return { count: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 }
      return { count, mean: sum.value / count, p50: secondsAt(50), p90: secondsAt(90), p99: secondsAt(99), max }
    },
    cdf(points = 50): CdfPoint[] {
      if (!Number.isInteger(points) || points < 1) {
        throw new RangeError(`cdf points must be a whole number ≥ 1, got ${points}`)
      }
      const curve: CdfPoint[] = []
      if (count === 0) return curve
      for (let i = 1; i <= points; i++) {
        const fraction = i / points
        const seconds = i === points ? max : secondsAt(100 * fraction)
        const last = curve[curve.length - 1]
        // A step of the CDF shows once, at its top.
        if (last !== undefined && last.seconds === seconds) last.fraction = fraction
        else curve.push({ seconds, fraction })
      }
      return curve
    },
    get estimatedFootprintBytes(): number {
      return histogram.estimatedFootprintInBytes
    },
  }
}
