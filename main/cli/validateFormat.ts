import { SUMMARY_GROUPS, VALIDATION_METRIC, type ErrorSummary, type ValidationReport } from '../../contract/api'
import {
  formatAbsError,
  formatValidationError,
  formatValidationValue,
  stackLabel,
  SUMMARY_GROUP_TITLE,
  summaryGroupLabel,
} from '../../contract/validationPresentation'
import { table } from './format'

/** A caveat cut to one terminal line's worth; the JSON and the reports carry it whole. */
const short = (text: string | null): string => (text === null ? '' : text.length > 60 ? `${text.slice(0, 59)}…` : text)

function summaryRow(name: string, summary: ErrorSummary): string[] {
  return [
    name,
    String(summary.rows),
    String(summary.unsupported),
    formatAbsError(summary.medianAbsError),
    formatAbsError(summary.maxAbsError),
    summary.worst ?? '',
  ]
}

/** `memwall validate` as a reader sees it: every row, then the summary by group. */
export function formatValidation(report: ValidationReport): string {
  const rows = report.rows.map((row) => [
    row.id,
    stackLabel(row.stack),
    `${VALIDATION_METRIC[row.metric].label}: ${row.configuration}`,
    formatValidationValue(row.measured, row.metric),
    formatValidationValue(row.simulated, row.metric),
    row.status === 'ok' ? formatValidationError(row.error) : `unsupported: ${row.reason ?? ''}`,
    row.split,
    short(row.caveat),
  ])
  const header = ['', 'rows', 'unsupported', 'median |error|', 'max |error|', 'worst']
  const summaries = [
    table(header, [summaryRow('all rows', report.summary.all)]),
    ...SUMMARY_GROUPS.map((group) =>
      table(
        [SUMMARY_GROUP_TITLE[group], ...header.slice(1)],
        Object.entries(report.summary.by[group]).map(([key, summary]) =>
          summaryRow(summaryGroupLabel(group, key), summary),
        ),
      ),
    ),
  ]
  return [
    `Validation against ${report.measurements} (simulator ${report.simulatorVersion}); error = simulated / measured − 1`,
    '',
    table(['id', 'stack', 'configuration', 'measured', 'simulated', 'error', 'split', 'caveat'], rows),
    '',
    'Summary: `check` rows were never fitted to; their median |error| is the honest figure.',
    '',
    summaries.join('\n\n'),
  ].join('\n')
}
