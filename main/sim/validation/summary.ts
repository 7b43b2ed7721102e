/** What a summary reads of a row: its name and its error (null: not scored). */
export interface ScoredRow {
  id: string
  error: number | null
}

/** |error| over a group of rows. */
export interface ErrorSummary {
  rows: number
  /** Rows with a simulated value. */
  scored: number
  unsupported: number
  /** Median and largest |error| of the scored rows; null when none is scored. */
  medianAbsError: number | null
  maxAbsError: number | null
  /** The row with the largest |error|. */
  worst: string | null
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function summarise(rows: readonly ScoredRow[]): ErrorSummary {
  const scored = rows.filter((row) => row.error !== null)
  const errors = scored.map((row) => Math.abs(row.error!)).sort((a, b) => a - b)
  const worst = scored.reduce<ScoredRow | null>(
    (max, row) => (max === null || Math.abs(row.error!) > Math.abs(max.error!) ? row : max),
    null,
  )
  return {
    rows: rows.length,
    scored: scored.length,
    unsupported: rows.length - scored.length,
    medianAbsError: errors.length === 0 ? null : median(errors),
    maxAbsError: errors.length === 0 ? null : errors[errors.length - 1]!,
    worst: worst?.id ?? null,
  }
}
