/**
 * Large results stored compactly: every array in a result of at least MIN_ROWS same-shaped
 * records of finite numbers (a time series, a CDF, per-request samples) leaves the JSON as one
 * float64 column per key, and the JSON keeps `{"$columns": slot}` in its place. A million points
 * are then 16 MB of doubles written in one blob instead of a 40 MB string to build and parse, and
 * they come back exactly as JSON would give them (bit for bit, but −0 reads 0, as in JSON). Columns are in the platform's byte order (little-endian on every
 * platform Electron ships for).
 */

/** Shorter arrays stay in the JSON: a blob row costs more than it saves. */
const MIN_ROWS = 64
const PLACEHOLDER = '$columns'

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

export function packResult(result: unknown): PackedResult {
  const columns: ResultColumn[] = []
  const json = JSON.stringify(result, (_key, value: unknown) => {
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

export function unpackResult<T>(json: string, columns: readonly ResultColumn[]): T {
  if (columns.length === 0) return JSON.parse(json) as T
  const bySlot = new Map(columns.map((column) => [column.slot, column]))
  return JSON.parse(json, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
    const slot = (value as Record<string, unknown>)[PLACEHOLDER]
    if (typeof slot !== 'number' || Object.keys(value).length !== 1) return value
    const column = bySlot.get(slot)
    if (!column) throw new Error(`result refers to column ${slot}, which is not stored`)
    return fromColumn(column)
  }) as T
}
