/**
 * The values of one swept field, written as the CLI's `--vary` takes them:
 *
 * - a list `a,b,c` (numbers, `true`/`false`, or words such as `lru`),
 * - a linear range `start..stop:step`, both ends included when the steps land on them,
 * - a log range `start..stop:xN`, N points spaced evenly in log between the two ends.
 *
 * Pure: no Vue. With `integer`, a log range is rounded to whole numbers (duplicates dropped)
 * and a list or linear range must hold whole numbers already.
 */
export type SweepValue = number | string | boolean

export type ParsedSweepValues = { ok: true; values: SweepValue[] } | { ok: false; message: string }

/** As many values as one axis may carry (the API's limit). */
export const MAX_SWEEP_VALUES = 10_000

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`
const NUMBER_ONLY = new RegExp(`^${NUMBER}$`)
const RANGE = new RegExp(`^(${NUMBER})\\.\\.(${NUMBER}):(x?)(${NUMBER})$`)

/** 12 significant digits: `0.1 * 3` is written 0.3, as a person typed it. */
const tidy = (value: number): number => Number(value.toPrecision(12))

const fail = (message: string): ParsedSweepValues => ({ ok: false, message })

function listItem(text: string): SweepValue {
  if (NUMBER_ONLY.test(text)) return Number(text)
  if (text === 'true' || text === 'false') return text === 'true'
  return text
}

function parseList(text: string, integer: boolean): ParsedSweepValues {
  const items = text.split(',').map((item) => item.trim())
  if (items.some((item) => item === '')) return fail('a list needs a value between every two commas, e.g. 1,2,4')
  const values = items.map(listItem)
  const fraction = values.find((value) => typeof value === 'number' && integer && !Number.isInteger(value))
  if (fraction !== undefined) return fail(`this field takes whole numbers, not ${String(fraction)}`)
  return { ok: true, values }
}

function linearRange(start: number, stop: number, step: number, integer: boolean): ParsedSweepValues {
  if (!(step > 0)) return fail('the step of start..stop:step must be above 0')
  if (stop < start) return fail('a range runs upwards: stop must be at least start')
  // A hair of slack, so that 0..1:0.1 reaches 1 despite binary fractions.
  const count = Math.floor((stop - start) / step + 1e-9) + 1
  if (count > MAX_SWEEP_VALUES) return fail(`that range has ${count} values; at most ${MAX_SWEEP_VALUES}`)
  const values = Array.from({ length: count }, (_, i) => tidy(start + i * step))
  const fraction = values.find((value) => integer && !Number.isInteger(value))
  if (fraction !== undefined) return fail(`this field takes whole numbers, not ${fraction}: use a whole step`)
  return { ok: true, values }
}

function logRange(start: number, stop: number, count: number, integer: boolean): ParsedSweepValues {
  if (!Number.isInteger(count) || count < 2) return fail('the N of start..stop:xN must be a whole number of at least 2')
  if (count > MAX_SWEEP_VALUES) return fail(`at most ${MAX_SWEEP_VALUES} values`)
  if (!(start > 0) || !(stop > 0)) return fail('a log range needs start and stop above 0')
  if (stop < start) return fail('a range runs upwards: stop must be at least start')
  const ratio = stop / start
  const values = Array.from({ length: count }, (_, i) =>
    i === 0 ? start : i === count - 1 ? stop : tidy(start * ratio ** (i / (count - 1))),
  )
  if (!integer) return { ok: true, values }
  return { ok: true, values: [...new Set(values.map((value) => Math.round(value)))] }
}

export function parseSweepValues(text: string, options: { integer?: boolean } = {}): ParsedSweepValues {
  const trimmed = text.trim()
  const integer = options.integer ?? false
  if (trimmed === '') return fail('give values: a list 1,2,4, a range 1..10:1, or a log range 1..1000:x4')
  const range = RANGE.exec(trimmed)
  if (range) {
    const [start, stop, count] = [Number(range[1]), Number(range[2]), Number(range[4])]
    return range[3] === 'x' ? logRange(start, stop, count, integer) : linearRange(start, stop, count, integer)
  }
  if (trimmed.includes('..')) return fail('write a range as start..stop:step or start..stop:xN, e.g. 10..1000:x5')
  const parsed = parseList(trimmed, integer)
  if (parsed.ok && parsed.values.length > MAX_SWEEP_VALUES) return fail(`at most ${MAX_SWEEP_VALUES} values`)
  return parsed
}

/** A short preview of parsed values: `10, 31.6, 100 … 1000 (5 values)`. */
export function describeSweepValues(values: readonly SweepValue[]): string {
  const shown = values.length <= 6 ? values : [...values.slice(0, 4), '…', values.at(-1)!]
  const text = shown.map((value) => (typeof value === 'number' ? String(Number(value.toPrecision(4))) : String(value)))
  return `${text.join(', ').replace(', …,', ' …')} (${values.length} ${values.length === 1 ? 'value' : 'values'})`
}

/** An axis or assumption value for people: 4 significant digits, very large or small ones as `4.5e+11`. */
export function formatSweepValue(value: number | string | boolean): string {
  if (typeof value !== 'number') return String(value)
  const magnitude = Math.abs(value)
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-3)) return Number(value.toPrecision(3)).toExponential()
  return String(Number(value.toPrecision(4)))
}
