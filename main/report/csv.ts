import { stringify } from 'csv-stringify/sync'
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
