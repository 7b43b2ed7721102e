/**
 * Large results stored compactly: every array in a result of at least MIN_ROWS same-shaped
 * records of finite numbers (a time series, a CDF, per-request samples) leaves the JSON as one
 * float64 column per key, and the JSON keeps `{"$columns": slot}` in its place. A million points
 * are then 16 MB of doubles written in one blob instead of a 40 MB string to build and parse, and
 * they come back exactly as JSON would give them (bit for bit, but −0 reads 0, as in JSON). Columns are in the platform's byte order (little-endian on every
 * platform Electron ships for).
 *
 * A key that starts with `$` is the store's: `{"$columns": slot}`, and `{"$trace": id}` for a
 * trace's arrivals stored once elsewhere (`traces.ts`). A result's own key that starts with `$`
 * (an imported result may have any) is written with one more `$` and read back without it, so
 * `{"$columns": 5}` in a result is never taken for a placeholder. Rows written before had no
 * escape and read as they did, unless one of their own keys started with `$$` (no result the
 * simulator makes has a `$` key; only an imported one could).
 */

/** Shorter arrays stay in the JSON: a blob row costs more than it saves. */
const MIN_ROWS = 64
const PLACEHOLDER = '$columns'
const TRACE = '$trace'
const DOLLAR = 36 // '$'

export interface ResultColumn {
  slot: number
  /** The records' keys, in their order. */
  keys: string[]
  rows: number
  /** keys.length × rows doubles: all of the first key's values, then the second's, … */
  data: Buffer
}

export interface PackedResult {
  json: string
  columns: ResultColumn[]
}

/** The keys every record shares, in order, if `value` is an array of same-shaped numeric records. */
function recordKeys(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length < MIN_ROWS) return null
  const first: unknown = value[0]
  if (typeof first !== 'object' || first === null || Array.isArray(first)) return null
  const keys = Object.keys(first)
  if (keys.length === 0) return null
  for (const record of value as unknown[]) {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return null
    const own = Object.keys(record)
    if (own.length !== keys.length) return null
    for (let k = 0; k < keys.length; k++) {
      if (own[k] !== keys[k]) return null
      const cell = (record as Record<string, unknown>)[keys[k]!]
      if (typeof cell !== 'number' || !Number.isFinite(cell)) return null
    }
  }
  return keys
}

function toColumn(slot: number, keys: string[], records: Record<string, number>[]): ResultColumn {
  const rows = records.length
  const values = new Float64Array(keys.length * rows)
  keys.forEach((key, k) => {
    const offset = k * rows
    // + 0 turns -0 into 0, as JSON would: a result reads back the same from columns or from JSON.
    for (let r = 0; r < rows; r++) values[offset + r] = records[r]![key]! + 0
  })
  return { slot, keys, rows, data: Buffer.from(values.buffer, values.byteOffset, values.byteLength) }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** `record` with every key that starts with `$` given one more; the record itself if it has none. */
function escapeKeys(record: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(record)
  if (!keys.some((key) => key.charCodeAt(0) === DOLLAR)) return record
  // fromEntries defines own properties: a key `__proto__` stays a key.
  return Object.fromEntries(keys.map((key) => [key.charCodeAt(0) === DOLLAR ? `$${key}` : key, record[key]]))
}

/** The inverse of escapeKeys, for a record read back. */
function unescapeKeys(record: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(record)
  if (!keys.some((key) => key.startsWith('$$'))) return record
  return Object.fromEntries(keys.map((key) => [key.startsWith('$$') ? key.slice(1) : key, record[key]]))
}

export interface PackOptions {
  /** Values stored elsewhere (by identity), written as `{"$trace": id}`. */
  traces?: ReadonlyMap<unknown, number>
}

export function packResult(result: unknown, options: PackOptions = {}): PackedResult {
  const columns: ResultColumn[] = []
  const json = JSON.stringify(result, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null) return value
    const trace = options.traces?.get(value)
    if (trace !== undefined) return { [TRACE]: trace }
    if (!Array.isArray(value)) return escapeKeys(value as Record<string, unknown>)
    const keys = recordKeys(value)
    if (!keys) return value
    const column = toColumn(columns.length, keys, value as Record<string, number>[])
    columns.push(column)
    return { [PLACEHOLDER]: column.slot }
  })
  return { json, columns }
}

function fromColumn(column: ResultColumn): Record<string, number>[] {
  const { keys, rows } = column
  if (column.data.byteLength !== keys.length * rows * 8) {
    throw new Error(
      `result column ${column.slot}: ${column.data.byteLength} bytes for ${keys.length} × ${rows} doubles`,
    )
  }
  // A copy: a Buffer from SQLite need not sit on an 8-byte boundary, which a Float64Array needs.
  const values = new Float64Array(new Uint8Array(column.data).buffer)
  const records: Record<string, number>[] = new Array(rows)
  for (let r = 0; r < rows; r++) {
    const record: Record<string, number> = {}
    for (let k = 0; k < keys.length; k++) record[keys[k]!] = values[k * rows + r]!
    records[r] = record
  }
  return records
}

/**
 * A packed result read back. `traces` are the values its `{"$trace": id}` placeholders stand for.
 * A placeholder with no columns (or traces) stored at all is an old row's own object, read as it is.
 */
export function unpackResult<T>(
  json: string,
  columns: readonly ResultColumn[],
  traces: ReadonlyMap<number, unknown> = new Map(),
): T {
  // Without a `"$` anywhere there is nothing to put back: the fast, reviver-free parse.
  if (!json.includes('"$')) return JSON.parse(json) as T
  const bySlot = new Map(columns.map((column) => [column.slot, column]))
  return JSON.parse(json, (_key, value: unknown) => {
    if (!isRecord(value)) return value
    const keys = Object.keys(value)
    const only = keys.length === 1 ? value[keys[0]!] : undefined
    if (keys[0] === PLACEHOLDER && typeof only === 'number' && columns.length > 0) {
      const column = bySlot.get(only)
      if (!column) throw new Error(`result refers to column ${only}, which is not stored`)
      return fromColumn(column)
    }
    if (keys[0] === TRACE && typeof only === 'number' && traces.size > 0) {
      if (!traces.has(only)) throw new Error(`result refers to trace ${only}, which is not stored`)
      return traces.get(only)
    }
    return unescapeKeys(value)
  }) as T
}
