import {
  SUMMARY_GROUPS,
  VALIDATION_METRIC,
  VALIDATION_METRIC_IDS,
  type ErrorSummary,
  type ValidationMetricId,
  type ValidationRowResult,
} from '../../contract/api'
import {
  formatAbsError,
  formatValidationError,
  formatValidationValue,
  stackColorIndex,
  stackLabel,
  summaryGroupLabel,
  validationMetricLabel,
} from '../../contract/validationPresentation'
import { escapeHtml, formatValue } from './format'
import { page, section, table } from './htmlLayout'
import { logScatterSvg, SCATTER_BANDS } from './svgScatter'
import type { ValidationInput } from './types'

type Report = ValidationInput['report']

/** Fixed colours per stack (print-safe, distinct in grey): the report must not depend on the viewer's theme. */
const COLOURS = ['#1f5fa8', '#c0392b', '#2e8b57', '#b8860b', '#6a3d9a', '#555555', '#d35400', '#138d90']

function summaryCells(summary: ErrorSummary): string[] {
  return [
    String(summary.rows),
    String(summary.scored),
    String(summary.unsupported),
    formatAbsError(summary.medianAbsError),
    formatAbsError(summary.maxAbsError),
    summary.worst === null ? '—' : `<code>${escapeHtml(summary.worst)}</code>`,
  ]
}

const SUMMARY_HEADERS = ['rows', 'scored', 'unsupported', 'median |error|', 'max |error|', 'worst row']

function summarySection(report: Report): string {
  const check = report.summary.by.split?.['check']
  const honest =
    check === undefined || check.medianAbsError === null
      ? 'No check row has a simulated value: there is no held-out figure yet.'
      : `Check rows: median |error| ${formatAbsError(check.medianAbsError)} over ${check.scored} scored row${check.scored === 1 ? '' : 's'}.`
  const groups = SUMMARY_GROUPS.map((group) => {
    const rows = Object.entries(report.summary.by[group] ?? {}).map(([key, summary]) => [
      escapeHtml(summaryGroupLabel(group, key)),
      ...summaryCells(summary),
    ])
    return `<h3>By ${escapeHtml(group)}</h3>${table([escapeHtml(group), ...SUMMARY_HEADERS], rows)}`
  })
  return section(
    'Summary',
    `<p><strong>${escapeHtml(honest)}</strong></p>${table(['', ...SUMMARY_HEADERS], [['all rows', ...summaryCells(report.summary.all)]])}${groups.join('')}`,
  )
}

/** How a metric's scatter labels its axes: seconds ticks carry their own scale, others name it once. */
function axis(unit: string): { suffix: string; tick: (value: number) => string } {
  if (unit === 's') return { suffix: '', tick: (value) => formatValue(value, 's') }
  const [factor, name] = unit === 'B/s' ? [1e9, 'GB/s'] : [1, unit]
  return { suffix: ` (${name})`, tick: (value) => formatValue(value / factor, '') }
}

/** Simulated against measured for one metric's scored rows: circles for fit rows, diamonds for check rows. */
function scatterSvg(
  metric: ValidationMetricId,
  rows: ValidationRowResult[],
  colourOf: (stack: string) => string,
): string {
  const { label, unit } = VALIDATION_METRIC[metric]
  const { suffix, tick } = axis(unit)
  return logScatterSvg({
    title: label,
    xTitle: `measured${suffix}`,
    yTitle: `simulated${suffix}`,
    points: rows.map((row) => ({
      x: row.measured,
      y: row.simulated!,
      colour: colourOf(row.stack),
      shape: row.split === 'fit' ? 'circle' : 'diamond',
      title: `${row.id}: measured ${formatValidationValue(row.measured, metric)}, simulated ${formatValidationValue(row.simulated, metric)}`,
    })),
    tickLabel: tick,
    colours: [...new Set(rows.map((row) => row.stack))].map((stack) => ({
      label: stackLabel(stack),
      colour: colourOf(stack),
    })),
    shapes: [
      { label: 'fit', shape: 'circle' },
      { label: 'check', shape: 'diamond' },
    ],
  })
}

function scatterSection(report: Report): string {
  const stacks = report.rows.map((row) => row.stack)
  // One place per stack across the whole report: a stack keeps its colour in every chart.
  const colourOf = (stack: string): string => COLOURS[stackColorIndex(stack, stacks) % COLOURS.length]!
  const scored = report.rows.filter((row) => row.simulated !== null)
  const metrics = [...new Set(scored.map((row) => row.metric))].sort(
    (x, y) => VALIDATION_METRIC_IDS.indexOf(x) - VALIDATION_METRIC_IDS.indexOf(y),
  )
  const charts = metrics.map((metric) => {
    const chart = scatterSvg(
      metric,
      scored.filter((row) => row.metric === metric),
      colourOf,
    )
    return `<figure style="display:inline-block;vertical-align:top;margin:0 1rem 1rem 0">${chart}</figure>`
  })
  return section(
    'Simulated against measured',
    charts.length === 0
      ? '<p>No row has a simulated value.</p>'
      : `<p class="muted">One chart per metric, log-log. Dashed: simulated = measured; shaded: within ${SCATTER_BANDS.map((f) => `±${f * 100} %`).join(' and ')}.</p><div>${charts.join('')}</div>`,
  )
}

function rowsSection(report: Report): string {
  const rows = report.rows.map((row) => [
    `<code>${escapeHtml(row.id)}</code>`,
    escapeHtml(stackLabel(row.stack)),
    escapeHtml(row.split),
    escapeHtml(validationMetricLabel(row.metric)),
    `${escapeHtml(row.configuration)}<br><span class="muted">${escapeHtml(row.hardware)}</span>`,
    escapeHtml(formatValidationValue(row.measured, row.metric)),
    // An unsupported row has no simulated value: it shows none rather than a made-up one.
    escapeHtml(formatValidationValue(row.simulated, row.metric)),
    escapeHtml(formatValidationError(row.error)),
    row.status === 'ok' ? 'ok' : `unsupported: ${escapeHtml(row.reason ?? 'no reason given')}`,
    escapeHtml(row.caveat ?? ''),
    `<small style="overflow-wrap:anywhere">${escapeHtml(row.source)}</small>`,
  ])
  return section(
    'Rows',
    table(
      [
        'id',
        'stack',
        'split',
        'metric',
        'configuration',
        'measured',
        'simulated',
        'error',
        'status',
        'caveat',
        'source',
      ],
      rows,
    ),
  )
}

/** The validation against published measurements as one self-contained HTML page. */
export function validationHtml(input: ValidationInput): string {
  const { report } = input
  const version =
    report.simulatorVersion === input.simulatorVersion
      ? ''
      : ` Validated with simulator ${escapeHtml(report.simulatorVersion)}.`
  return page(
    input,
    [
      `<p>The model beside published measurements: ${report.rows.length} rows from <code>${escapeHtml(report.measurements)}</code>.${version}</p>`,
      `<p class="muted">Error = simulated / measured − 1 (+25.0% means the model says 25 % more than was measured). <code>fit</code> rows set the stacks' fitted figures, so they agree by construction; <code>check</code> rows never set any figure, so the check rows' median |error| is the honest figure. Unsupported rows are ones the model cannot express: they carry no simulated value and count in no error figure.</p>`,
      summarySection(report),
      scatterSection(report),
      rowsSection(report),
    ].join(''),
  )
}
