import { LIMITS } from '../limits'

/** One value a swept field takes. */
export type AxisValue = number | string | boolean

/** The most values one axis may expand to (a grid of two such axes is refused later, by its size). */
export const MAX_AXIS_VALUES = LIMITS.axisValues.max

export interface AxisValueOptions {
  /**
   * Whether the field only takes integers (`expand.ts`'s `isIntegerField` finds out). A log range
   * is rounded to integers only when this holds and both ends are written as integers; absent,
   * the ends alone decide.
   */
  integer?: boolean
}

/** A mistake in a `--vary` value list, explained. */
export class AxisValueError extends Error {
  override readonly name = 'AxisValueError'
}

const RANGE = /^(.+?)\.\.(.+?):(x?)(.+)$/

/** Numbers carry 12 significant digits: 0.1 × 3 is 0.3, not 0.30000000000000004. */
const tidy = (value: number): number => Number(value.toPrecision(12))

function number(text: string, what: string): number {
  const value = Number(text.trim())
  if (text.trim() === '' || !Number.isFinite(value)) throw new AxisValueError(`${what}: "${text}" is not a number`)
  return value
}

/** Written as an integer: no decimal point, no exponent (`1.0..1000:x4` keeps fractions). */
const writtenAsInteger = (text: string): boolean => /^\s*[-+]?\d+\s*$/.test(text)

function linear(start: number, stop: number, step: number): number[] {
  if (step <= 0) throw new AxisValueError(`step must be positive, got ${step} (write the range from low to high)`)
  if (stop < start) throw new AxisValueError(`the range ${start}..${stop} runs backwards: write it from low to high`)
  const count = Math.floor((stop - start) / step + 1e-9) + 1
  if (count > MAX_AXIS_VALUES) throw new AxisValueError(`${count} values: at most ${MAX_AXIS_VALUES} per axis`)
  return Array.from({ length: count }, (_, i) => tidy(start + i * step))
}

function logarithmic(start: number, stop: number, count: number, integer: boolean): number[] {
  if (!Number.isInteger(count) || count < 2) throw new AxisValueError(`xN needs N ≥ 2 points, got ${count}`)
  if (count > MAX_AXIS_VALUES) throw new AxisValueError(`${count} values: at most ${MAX_AXIS_VALUES} per axis`)
  if (start <= 0 || stop <= 0) throw new AxisValueError(`a log range needs positive ends, got ${start}..${stop}`)
  if (stop < start) throw new AxisValueError(`the range ${start}..${stop} runs backwards: write it from low to high`)
  const ratio = Math.log(stop / start) / (count - 1)
  const values = Array.from({ length: count }, (_, i) => (i === count - 1 ? stop : tidy(start * Math.exp(ratio * i))))
  // Rounding can make neighbours equal (1..10:x20): keep each integer once.
  return integer ? [...new Set(values.map(Math.round))] : values
}

function listItem(text: string): AxisValue {
  const item = text.trim()
  if (item === 'true') return true
  if (item === 'false') return false
  const value = Number(item)
  return item !== '' && Number.isFinite(value) ? value : item
}

/**
 * Parses the `<values>` of `--vary <path>=<values>`:
 * - `a,b,c`: a list; numbers where they parse, `true`/`false` as booleans, else strings;
 * - `start..stop:step`: start, start + step, … up to stop (included, within float tolerance);
 * - `start..stop:xN`: N log-spaced points from start to stop, both included; rounded to
 *   integers (duplicates dropped) when both ends are written as integers and the field is
 *   integer-valued (`options.integer`, which defaults to true).
 */
export function parseAxisValues(text: string, options: AxisValueOptions = {}): AxisValue[] {
  const range = RANGE.exec(text.trim())
  if (!range) {
    const items = text.split(',')
    if (items.some((item) => item.trim() === '')) throw new AxisValueError(`"${text}" has an empty list item`)
    if (items.length > MAX_AXIS_VALUES)
      throw new AxisValueError(`${items.length} values: at most ${MAX_AXIS_VALUES} per axis`)
    return items.map(listItem)
  }
  const [, startText = '', stopText = '', log = '', stepText = ''] = range
  const start = number(startText, 'start')
  const stop = number(stopText, 'stop')
  if (log === 'x') {
    const integer = (options.integer ?? true) && writtenAsInteger(startText) && writtenAsInteger(stopText)
    return logarithmic(start, stop, number(stepText, 'xN'), integer)
  }
  return linear(start, stop, number(stepText, 'step'))
}
