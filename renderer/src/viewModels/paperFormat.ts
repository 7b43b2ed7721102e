import { formatFactor, formatFixed, formatPaperSeconds } from '../../../contract/paperPresentation'

/**
 * The paper check's formatting, owned by the contract's presentation model (so the view reads
 * like `memwall paper` and the report); the view's own helpers beside it.
 */
export { paperSystemName as systemName } from '../../../contract/paperPresentation'

/** A ratio such as a speedup, one decimal: `3.7×`. */
export const factor = formatFactor

export function seconds(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatPaperSeconds(value)
}

export const fixed = formatFixed

/** An assumption's value for a table cell: strings as they are, everything else as JSON. */
export function assumptionValue(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return JSON.stringify(value) ?? String(value)
}
