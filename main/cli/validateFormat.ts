import {
  SUMMARY_GROUPS,
  VALIDATION_METRIC,
  type CollectiveCheck,
  type KernelOpCheck,
  type ErrorSummary,
  type ValidationReport,
} from '../../contract/api'
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
  const collectives = report.collectives ? ['', formatCollectives(report.collectives)] : []
  const kernelOps = report.kernelOps ? ['', formatKernelOps(report.kernelOps)] : []
  return [
    `Validation against ${report.measurements} (simulator ${report.simulatorVersion}); error = simulated / measured − 1`,
    '',
    table(['id', 'stack', 'configuration', 'measured', 'simulated', 'error', 'split', 'caveat'], rows),
    '',
    'Summary: `check` rows were never fitted to; their median |error| is the honest figure.',
    '',
    summaries.join('\n\n'),
    ...collectives,
    ...kernelOps,
  ].join('\n')
}

const bytesText = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(0)} KiB`
const microseconds = (seconds: number | null): string => (seconds === null ? '—' : `${(seconds * 1e6).toFixed(1)} µs`)

/** The collective model against measured NCCL all-reduces: each measurement, then the summary. */
function formatCollectives(check: CollectiveCheck): string {
  const header = ['', 'rows', 'unsupported', 'median |error|', 'max |error|', 'worst']
  return [
    `All-reduce against measured NCCL times (${check.source})`,
    '',
    table(
      ['system', 'chips', 'message', 'measured', 'simulated', 'error'],
      check.rows.map((row) => [
        row.system,
        String(row.chips),
        bytesText(row.bytes),
        microseconds(row.measured),
        microseconds(row.simulated),
        formatValidationError(row.error),
      ]),
    ),
    '',
    table(['all-reduces', ...header.slice(1)], [summaryRow('all', check.summary.all)]),
    '',
    table(
      ['by system × chips', ...header.slice(1)],
      Object.entries(check.summary.bySystemChips).map(([key, summary]) => summaryRow(key, summary)),
    ),
    '',
    table(
      ['by message size', ...header.slice(1)],
      Object.entries(check.summary.bySize).map(([key, summary]) => summaryRow(key, summary)),
    ),
  ].join('\n')
}

const summaryTable = (title: string, summaries: Record<string, ErrorSummary>): string =>
  table(
    [title, 'rows', 'unsupported', 'median |error|', 'max |error|', 'worst'],
    Object.entries(summaries).map(([key, summary]) => summaryRow(key, summary)),
  )

/**
 * The kernel model against measured per-operator times: the summaries, then the worst rows only
 * (thousands of rows; `--json` carries them all).
 */
function formatKernelOps(check: KernelOpCheck): string {
  const { summary } = check
  const mapped = Object.fromEntries(
    check.rows.map((row) => [row.op, row.operator === null ? row.op : `${row.op} → ${row.operator}`]),
  )
  const scored = [...check.rows, ...check.attention].filter((row) => row.error !== null)
  const worst = scored.sort((a, b) => Math.abs(b.error!) - Math.abs(a.error!)).slice(0, 10)
  return [
    `Operator kernels against measured times (${check.source})`,
    'Each operator one kernel on one chip of its tensor-parallel group, call overheads aside.',
    '',
    summaryTable('decoder layer (attention aside)', { all: summary.layers, ...summary.layersByPhase }),
    '',
    summaryTable('per-layer operators', { all: summary.all }),
    '',
    summaryTable('by system × model', summary.bySystemModel),
    '',
    summaryTable(
      'by operator (measured → model)',
      Object.fromEntries(Object.entries(summary.byOp).map(([op, value]) => [mapped[op] ?? op, value])),
    ),
    '',
    summaryTable('by phase', summary.byPhase),
    '',
    summaryTable('attention kernel', { all: summary.attention, ...summary.attentionByPhase }),
    '',
    table(
      ['worst rows', 'measured', 'simulated', 'error'],
      worst.map((row) => [
        row.id,
        microseconds(row.measured),
        microseconds(row.simulated),
        formatValidationError(row.error),
      ]),
    ),
  ].join('\n')
}
