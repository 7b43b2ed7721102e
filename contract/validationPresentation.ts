import type { ValidationReport, ValidationRowResult } from '../main/sim/validation/report'
import { isStackId, STACK_PROFILE, VALIDATION_METRIC, type ValidationMetricId } from '../main/sim/registries'

/**
 * How every screen writes a validation: the CLI's table, the reports and the Validation view
 * format values, errors and stacks here, so one row reads the same everywhere.
 */

/** A measured or simulated value in the metric's unit, scaled for reading. */
export function formatValidationValue(value: number | null, metric: ValidationMetricId): string {
  if (value === null) return '—'
  switch (VALIDATION_METRIC[metric].unit) {
    case 's':
      return value < 1 ? `${(value * 1e3).toFixed(1)} ms` : `${value.toFixed(3)} s`
    case 'B/s':
      return `${(value / 1e9).toFixed(1)} GB/s`
    default:
      return `${value.toFixed(value < 100 ? 1 : 0)} tokens/s`
  }
}

/** simulated / measured − 1 as a signed percentage, one decimal; "unsupported" where there is none. */
export function formatValidationError(error: number | null): string {
  if (error === null) return 'unsupported'
  const percent = error * 100
  return `${percent >= 0 ? '+' : '−'}${Math.abs(percent).toFixed(1)}%`
}

/** A median or max |error| as a percentage; "—" where no row was scored. */
export function formatAbsError(error: number | null): string {
  return error === null ? '—' : `${(error * 100).toFixed(1)}%`
}

/** A stack as people name it: its profile's label, or the file's id where the model has none. */
export function stackLabel(id: string | null | undefined): string {
  if (id === null || id === undefined) return 'own figures'
  return isStackId(id) ? STACK_PROFILE[id].label : id
}

/** What a run's system is, for finding the measurements nearest to it. */
export interface ValidationTarget {
  hardware: string
  stack: string | null | undefined
  model: string
  chips: number
  batch: number
  promptTokens: number
  outputTokens: number
}

/**
 * How far a measured configuration is from a run's: log-distance in chips, batch and lengths,
 * plus one for another model. Same hardware and stack are required, not weighed.
 */
function distance(row: ValidationRowResult, target: ValidationTarget): number {
  const log = (a: number, b: number): number => Math.abs(Math.log2(a / b))
  return (
    (row.model === target.model ? 0 : 1) +
    log(row.chips, target.chips) +
    log(row.batch, target.batch) +
    log(row.promptTokens, target.promptTokens) +
    log(row.outputTokens, target.outputTokens)
  )
}

/**
 * The scored measurements of the same hardware on the same stack, nearest configuration first:
 * how far the model was from real machines near what a run asked. Empty where none was measured.
 */
export function nearestValidationRows(
  report: ValidationReport,
  target: ValidationTarget,
  count = 3,
): ValidationRowResult[] {
  return report.rows
    .filter(
      (row) =>
        row.error !== null &&
        row.hardware === target.hardware &&
        row.stack === target.stack &&
        VALIDATION_METRIC[row.metric].kind === 'inference',
    )
    .map((row) => ({ row, distance: distance(row, target) }))
    .sort((a, b) => a.distance - b.distance || a.row.id.localeCompare(b.row.id))
    .slice(0, count)
    .map(({ row }) => row)
}
