import type { Arrival } from '../coe/types'

/** The fields a trace row may carry; `expert` is optional (the router chooses when absent). */
const FIELDS = ['time', 'expert', 'promptTokens', 'outputTokens'] as const
type Field = (typeof FIELDS)[number]
type Row = Partial<Record<Field, unknown>>

function fail(line: number, message: string): never {
  throw new Error(`line ${line}: ${message}`)
}

/** A decimal number, optionally signed and with an exponent: what a trace's numbers are written as. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

/**
 * CSV cells arrive as strings, JSON values as anything: both become numbers or NaN. Number()
 * alone would also read "0x10", "0b1", "0o7" and "Infinity": a string must be decimal.
 */
function toNumber(raw: unknown): number {
  if (typeof raw === 'number') return raw
  if (typeof raw === 'string' && DECIMAL.test(raw.trim())) return Number(raw)
  return Number.NaN
}

/** The reason a value is not a number at all, or '' where it is one (possibly out of range). */
function notDecimal(raw: unknown): string {
  return typeof raw === 'string' && !DECIMAL.test(raw.trim()) ? ' (not a decimal number)' : ''
}

function isAbsent(raw: unknown): boolean {
  return raw === undefined || raw === null || raw === ''
}

function readInteger(line: number, field: Field, raw: unknown, least: number): number {
  if (isAbsent(raw)) fail(line, `${field}: missing`)
  const value = toNumber(raw)
  if (!Number.isInteger(value) || value < least) {
    fail(line, `${field}: expected an integer >= ${least}, got ${JSON.stringify(raw)}${notDecimal(raw)}`)
  }
  return value
}

function readArrival(line: number, row: Row, previousTime: number): Arrival {
  if (isAbsent(row.time)) fail(line, 'time: missing')
  const time = toNumber(row.time)
  if (!(time >= 0 && Number.isFinite(time))) {
    fail(line, `time: expected a number of seconds >= 0, got ${JSON.stringify(row.time)}${notDecimal(row.time)}`)
  }
  if (time < previousTime) {
    fail(line, `time: goes backwards, ${time} after ${previousTime} on the row before`)
  }
  const arrival: Arrival = {
    time,
    promptTokens: readInteger(line, 'promptTokens', row.promptTokens, 1),
    outputTokens: readInteger(line, 'outputTokens', row.outputTokens, 1),
  }
  if (!isAbsent(row.expert)) arrival.expert = readInteger(line, 'expert', row.expert, 0)
  return arrival
}

function checkFieldName(line: number, name: string): Field {
  const field = FIELDS.find((f) => f === name)
  if (field === undefined) fail(line, `${name}: unknown field; expected one of ${FIELDS.join(', ')}`)
  return field
}

/** Plain comma split: no quoted fields, since every field is a number. */
function csvRows(lines: string[]): [number, Row][] {
  const headerIndex = lines.findIndex((text) => text.trim() !== '')
  if (headerIndex < 0) fail(1, 'expected a header row naming time, promptTokens, outputTokens')
  const header = (lines[headerIndex] ?? '').split(',').map((name) => name.trim())
  const columns = header.map((name) => checkFieldName(headerIndex + 1, name))
  columns.forEach((field, i) => {
    if (columns.indexOf(field) !== i) fail(headerIndex + 1, `${field}: column named twice`)
  })
  for (const required of ['time', 'promptTokens', 'outputTokens'] as const) {
    if (!columns.includes(required)) fail(headerIndex + 1, `${required}: missing column`)
  }
  const rows: [number, Row][] = []
  lines.forEach((text, index) => {
    if (index <= headerIndex || text.trim() === '') return
    const cells = text.split(',').map((cell) => cell.trim())
    if (cells.length !== columns.length) {
      fail(index + 1, `expected ${columns.length} fields, got ${cells.length}`)
    }
    rows.push([index + 1, Object.fromEntries(columns.map((field, i) => [field, cells[i]]))])
  })
  return rows
}

function jsonlRows(lines: string[]): [number, Row][] {
  const rows: [number, Row][] = []
  lines.forEach((text, index) => {
    if (text.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      fail(index + 1, 'not valid JSON')
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      fail(index + 1, 'expected a JSON object')
    }
    Object.keys(value).forEach((key) => checkFieldName(index + 1, key))
    rows.push([index + 1, value as Row])
  })
  return rows
}

/**
 * The arrivals in a trace file's text. Lines are numbered from 1 as an editor shows them; blank
 * lines are skipped. Unknown fields are errors (a typo would otherwise drop a column silently).
 * Expert ids are only checked to be integers >= 0: the caller knows how many experts there are.
 * Bad input throws (hence `errors?: never`), naming the line and the field.
 */
export function parseTrace(text: string, format: 'csv' | 'jsonl'): { arrivals: Arrival[]; errors?: never } {
  // A byte-order mark (Excel's "CSV UTF-8") is an encoding signature, not part of the header.
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const rows = format === 'csv' ? csvRows(lines) : jsonlRows(lines)
  const arrivals: Arrival[] = []
  let previousTime = 0
  for (const [line, row] of rows) {
    const arrival = readArrival(line, row, previousTime)
    previousTime = arrival.time
    arrivals.push(arrival)
  }
  if (arrivals.length === 0) throw new Error('trace: no arrivals, only a header or blank lines')
  return { arrivals }
}
