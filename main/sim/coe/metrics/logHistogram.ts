/**
 * A log-linear histogram of non-negative seconds, indexed straight from the bits of the float:
 * the exponent picks the octave and the top mantissa bits the bucket inside it, so recording is a
 * store, a load, a shift and an increment. It replaces hdr-histogram-js on the serving
 * simulator's hot path (three records per request), where that library's index arithmetic was
 * the largest single cost; the bucketing is the same idea with binary instead of decimal digits.
 */

/** Mantissa bits kept: 2^10 buckets per octave, each at most 2^-10 ≈ 0.098 % wide. */
const SUB_BITS = 10
/** Smallest distinguished value 2^-20 s (≈ 0.95 µs); anything smaller shares the first bucket. */
const LOWEST_EXPONENT = -20
/** Values from 2^14 s (≈ 4.6 h) up share the top bucket. */
const HIGHEST_EXPONENT = 14
const SHIFT = 20 - SUB_BITS
const BASE = (1023 + LOWEST_EXPONENT) << SUB_BITS
export const BUCKETS = (HIGHEST_EXPONENT - LOWEST_EXPONENT) << SUB_BITS

// One shared scratch float, read back through its high 32-bit word (sign, exponent, top mantissa).
const scratch = new Float64Array(1)
const words = new Uint32Array(scratch.buffer)
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0

/** The bucket of a finite `seconds` ≥ 0. */
export function bucketOf(seconds: number): number {
  scratch[0] = seconds + 0 // -0 + 0 is +0: a set sign bit would land in the top bucket
  const index = (words[HIGH]! >>> SHIFT) - BASE
  return index < 0 ? 0 : index >= BUCKETS ? BUCKETS - 1 : index
}

/** The smallest value of a bucket (0 for the first, which also holds everything below 2^-20 s). */
export function bucketLow(bucket: number): number {
  if (bucket <= 0) return 0
  words[HIGH] = (bucket + BASE) << SHIFT
  words[1 - HIGH] = 0
  return scratch[0]!
}

/** Counts per bucket: 64-bit floats, so each is exact up to 2^53 values. */
export class LogHistogram {
  readonly counts = new Float64Array(BUCKETS)
  total = 0

  record(seconds: number): void {
    this.counts[bucketOf(seconds)]!++
    this.total++
  }

  /**
   * For each fraction (ascending, in (0, 1]) the middle of the bucket holding the value of rank
   * ⌈fraction · total⌉: the one that `fraction` of the values do not exceed. One pass for all.
   */
  valuesAt(fractions: readonly number[]): number[] {
    const values: number[] = []
    let bucket = 0
    let seen = 0
    for (const fraction of fractions) {
      const rank = Math.max(1, Math.ceil(fraction * this.total))
      while (seen + this.counts[bucket]! < rank && bucket < BUCKETS - 1) seen += this.counts[bucket++]!
      values.push((bucketLow(bucket) + bucketLow(bucket + 1)) / 2)
    }
    return values
  }

  get footprintBytes(): number {
    return this.counts.byteLength
  }
}
