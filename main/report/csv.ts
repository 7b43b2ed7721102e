import { stringify } from 'csv-stringify/sync'
import { VALIDATION_METRIC, type ValidationReport } from '../../contract/api'
import type { MetricRow } from './types'

export const CSV_COLUMNS = ['run_id', 'label', 'system', 'metric', 'value', 'unit'] as const

/**
 * One row per run, system and metric: what a spreadsheet wants. Values are written in full
 * (JavaScript's shortest round-trip form), so the file parses back to the same numbers.
 */
export function metricsCsv(rows: readonly MetricRow[]): string {
  return stringify(
    rows.map((row) => [row.runId, row.label, row.system, row.metric, String(row.value), row.unit]),
    { header: true, columns: [...CSV_COLUMNS], record_delimiter: '\n' },
  )
}

export const VALIDATION_CSV_COLUMNS = [
  'id',
  'stack',
  'split',
  'metric',
  'unit',
  'measured',
  'simulated',
  'error',
  'status',
  'reason',
  'hardware',
  'chips',
  'configuration',
  'caveat',
  'source',
] as const

const cell = (value: number | string | null): string => (value === null ? '' : String(value))

/**
 * One line per validation row, values in the metric's SI unit and the error as a fraction, in
 * full; an unsupported row leaves simulated and error empty rather than inventing a number.
 */
export function validationCsv(report: ValidationReport): string {
  return stringify(
    report.rows.map((row) =>
      [
        row.id,
        row.stack,
        row.split,
        row.metric,
        VALIDATION_METRIC[row.metric].unit,
        row.measured,
        row.simulated,
        row.error,
        row.status,
        row.reason,
        row.hardware,
        row.chips,
        row.configuration,
        row.caveat,
        row.source,
      ].map(cell),
    ),
    { header: true, columns: [...VALIDATION_CSV_COLUMNS], record_delimiter: '\n' },
  )
}
