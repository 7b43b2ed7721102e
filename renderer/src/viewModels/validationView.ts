import {
  parseMeasurements,
  SUMMARY_GROUPS,
  VALIDATION_METRIC,
  VALIDATION_METRIC_IDS,
  VALIDATION_SPLITS,
  type ErrorSummary,
  type MeasurementFile,
  type SummaryGroup,
  type ValidationMetricId,
  type ValidationRowResult,
  type ValidationSplit,
  type ValidationSummary,
} from '../../../contract/api'
import {
  formatAbsError,
  formatValidationError,
  formatValidationValue,
  stackLabel,
  SUMMARY_GROUP_TITLE,
  summaryGroupLabel,
  validationMetricLabel,
} from '../../../contract/validationPresentation'

/**
 * The Validation view's rows, filters, sort and summary, from a `ValidationReport`. Pure: no
 * Vue, no DOM. Values and errors are written by the contract's validationPresentation, so a row
 * reads here as it does in `memwall validate` and the reports.
 */

export type SortOrder = 'asc' | 'desc'

/** '' is "any". */
export interface ValidationFilters {
  stack: string
  hardware: string
  metric: ValidationMetricId | ''
  split: ValidationSplit | ''
}

export const ALL_ROWS: Readonly<ValidationFilters> = { stack: '', hardware: '', metric: '', split: '' }

export const FILTER_FIELDS = ['stack', 'hardware', 'metric', 'split'] as const
export type FilterField = (typeof FILTER_FIELDS)[number]

export function filterRows(rows: readonly ValidationRowResult[], filters: ValidationFilters): ValidationRowResult[] {
  return rows.filter((row) => FILTER_FIELDS.every((field) => filters[field] === '' || row[field] === filters[field]))
}

export interface FilterOption {
  value: string
  label: string
}

export type ValidationFilterOptions = Record<FilterField, FilterOption[]>

const byLabel = (a: FilterOption, b: FilterOption): number => a.label.localeCompare(b.label)

/**
 * The choices of each filter: stacks and hardware as the rows have them, metrics in the
 * registry's order (those present), and every split the format knows.
 */
export function filterOptions(rows: readonly ValidationRowResult[]): ValidationFilterOptions {
  const present = (field: 'stack' | 'hardware' | 'metric'): Set<string> => new Set(rows.map((row) => row[field]))
  return {
    stack: [...present('stack')].map((id) => ({ value: id, label: stackLabel(id) })).sort(byLabel),
    hardware: [...present('hardware')].map((id) => ({ value: id, label: id })).sort(byLabel),
    metric: VALIDATION_METRIC_IDS.filter((id) => present('metric').has(id)).map((id) => ({
      value: id,
      label: VALIDATION_METRIC[id].label,
    })),
    split: VALIDATION_SPLITS.map((split) => ({ value: split, label: split })),
  }
}

export const VALIDATION_COLUMNS = [
  { key: 'id', label: 'id' },
  { key: 'stack', label: 'stack' },
  { key: 'configuration', label: 'configuration' },
  { key: 'metric', label: 'metric' },
  { key: 'measured', label: 'measured' },
  { key: 'simulated', label: 'simulated' },
  { key: 'error', label: 'error' },
  { key: 'split', label: 'split' },
  { key: 'caveat', label: 'caveat' },
] as const

export type ValidationSortKey = (typeof VALIDATION_COLUMNS)[number]['key']

export interface ValidationSort {
  key: ValidationSortKey
  order: SortOrder
}

/** A click on a column: the same column turns its order around, another starts ascending. */
export function nextSort(current: ValidationSort | null, key: ValidationSortKey): ValidationSort {
  if (current?.key === key) return { key, order: current.order === 'asc' ? 'desc' : 'asc' }
  return { key, order: 'asc' }
}

/** What a column sorts by; null where the row has no value there (unsupported rows, no caveat). */
function sortValue(row: ValidationRowResult, key: ValidationSortKey): string | number | null {
  switch (key) {
    case 'stack':
      return stackLabel(row.stack)
    case 'metric':
      return validationMetricLabel(row.metric)
    case 'error':
      // How far off, whichever side: −30% is worse than +20%.
      return row.error === null ? null : Math.abs(row.error)
    default:
      return row[key]
  }
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a).localeCompare(String(b), undefined, { numeric: true })
}

/**
 * The rows in a column's order; null keeps the report's order. Rows without a value in the
 * column (unsupported rows under simulated and error) go last in either order: they are not
 * small, they are missing. Ties keep id order.
 */
export function sortRows(rows: readonly ValidationRowResult[], sort: ValidationSort | null): ValidationRowResult[] {
  if (sort === null) return [...rows]
  const sign = sort.order === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const left = sortValue(a, sort.key)
    const right = sortValue(b, sort.key)
    if (left === null || right === null) {
      if (left !== right) return left === null ? 1 : -1
    } else {
      const order = compareValues(left, right)
      if (order !== 0) return sign * order
    }
    return a.id.localeCompare(b.id, undefined, { numeric: true })
  })
}

/** How far a caveat reads in the table; the cell's title carries all of it. */
export const CAVEAT_CHARS = 40

export function truncate(text: string, chars = CAVEAT_CHARS): string {
  if (text.length <= chars) return text
  // One character more, so a word ending right at the limit is kept whole.
  const space = text.slice(0, chars + 1).lastIndexOf(' ')
  return `${(space > chars / 2 ? text.slice(0, space) : text.slice(0, chars)).trimEnd()}…`
}

/** How close a scored row came: the chart's bands, and the table's marking. */
export type ErrorBand = 'within10' | 'within25' | 'beyond'

export function errorBand(error: number | null): ErrorBand | null {
  if (error === null) return null
  const off = Math.abs(error)
  return off <= 0.1 ? 'within10' : off <= 0.25 ? 'within25' : 'beyond'
}

/** One row of the table, as text. */
export interface ValidationTableRow {
  id: string
  stack: string
  configuration: string
  metric: string
  measured: string
  /** Null for an unsupported row: it shows `unsupported` instead of a number. */
  simulated: string | null
  error: string | null
  /** "unsupported: why"; null for a scored row. */
  unsupported: string | null
  band: ErrorBand | null
  split: string
  /** The caveat as the cell shows it, and in full for its title. */
  caveatShort: string
  caveat: string
  source: string
}

export function tableRow(row: ValidationRowResult): ValidationTableRow {
  const scored = row.simulated !== null && row.error !== null
  return {
    id: row.id,
    stack: stackLabel(row.stack),
    configuration: row.configuration,
    metric: validationMetricLabel(row.metric),
    measured: formatValidationValue(row.measured, row.metric),
    simulated: scored ? formatValidationValue(row.simulated, row.metric) : null,
    error: scored ? formatValidationError(row.error) : null,
    unsupported: scored ? null : `unsupported: ${row.reason ?? 'the model cannot express this row'}`,
    band: errorBand(row.error),
    split: row.split,
    caveatShort: row.caveat === null ? '' : truncate(row.caveat),
    caveat: row.caveat ?? '',
    source: row.source,
  }
}

/** One line of a summary table, as text. */
export interface SummaryLine {
  key: string
  label: string
  rows: number
  scored: number
  unsupported: number
  median: string
  max: string
  worst: string
}

export function summaryLine(key: string, label: string, summary: ErrorSummary): SummaryLine {
  return {
    key,
    label,
    rows: summary.rows,
    scored: summary.scored,
    unsupported: summary.unsupported,
    median: formatAbsError(summary.medianAbsError),
    max: formatAbsError(summary.maxAbsError),
    worst: summary.worst ?? '—',
  }
}

export interface SummaryTable {
  group: SummaryGroup
  title: string
  lines: SummaryLine[]
}

/** Where a group's keys come in: splits and metrics in their registries' order, the rest by label. */
function groupOrder(group: SummaryGroup, keys: string[]): string[] {
  const registry: readonly string[] | null =
    group === 'split' ? VALIDATION_SPLITS : group === 'metric' ? VALIDATION_METRIC_IDS : null
  const rank = (key: string): number => {
    const index = registry?.indexOf(key) ?? -1
    return index === -1 ? Number.MAX_SAFE_INTEGER : index
  }
  return [...keys].sort(
    (a, b) => rank(a) - rank(b) || summaryGroupLabel(group, a).localeCompare(summaryGroupLabel(group, b)),
  )
}

/** A table per summary group (split, stack, hardware, metric), from the report's own summary. */
export function summaryTables(summary: ValidationSummary): SummaryTable[] {
  return SUMMARY_GROUPS.map((group) => {
    const entries = summary.by[group] ?? {}
    return {
      group,
      title: SUMMARY_GROUP_TITLE[group],
      lines: groupOrder(group, Object.keys(entries)).map((key) =>
        summaryLine(key, summaryGroupLabel(group, key), entries[key]!),
      ),
    }
  })
}

/**
 * The median |error| of the check rows: no fitted figure was set from them, so this is how far
 * the model is from machines it was not tuned to. Null where the set has no scored check row.
 */
export function honestFigure(summary: ValidationSummary): string | null {
  const check = summary.by.split?.check
  return check === undefined || check.medianAbsError === null ? null : formatAbsError(check.medianAbsError)
}

/** The metric the scatter opens on: the one with most scored rows (registry order breaks ties). */
export function defaultScatterMetric(rows: readonly ValidationRowResult[]): ValidationMetricId {
  let best: ValidationMetricId = 'e2eSeconds'
  let most = 0
  for (const id of VALIDATION_METRIC_IDS) {
    const scored = rows.filter((row) => row.metric === id && row.error !== null).length
    if (scored > most) {
      best = id
      most = scored
    }
  }
  return best
}

/** The scatter's metric choices: every metric with a scored row, and how many it has. */
export function scatterMetricOptions(rows: readonly ValidationRowResult[]): FilterOption[] {
  return VALIDATION_METRIC_IDS.flatMap((id) => {
    const scored = rows.filter((row) => row.metric === id && row.error !== null).length
    return scored === 0 ? [] : [{ value: id, label: `${VALIDATION_METRIC[id].label} (${scored})` }]
  })
}

/** A measurements file read in the page: parsed, or each issue as "path: message". */
export type MeasurementsRead = { ok: true; file: MeasurementFile } | { ok: false; issues: string[] }

export function readMeasurements(text: string): MeasurementsRead {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, issues: [`(file): not JSON: ${error instanceof Error ? error.message : String(error)}`] }
  }
  const parsed = parseMeasurements(json)
  return parsed.ok
    ? { ok: true, file: parsed.file }
    : { ok: false, issues: parsed.issues.map((issue) => `${issue.path}: ${issue.message}`) }
}
