import type { ValidationReport, ValidationRowResult } from '../main/sim/validation/report'
import type { SummaryGroup } from '../main/sim/validation/schema'
import { isStackId, STACK_IDS, STACK_PROFILE, VALIDATION_METRIC, type ValidationMetricId } from '../main/sim/registries'

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

/** A metric as people read it; the file's id where the registry has none. */
export function validationMetricLabel(id: string): string {
  return Object.hasOwn(VALIDATION_METRIC, id) ? VALIDATION_METRIC[id as ValidationMetricId].label : id
}

/** The summary's groups as their tables are titled. */
export const SUMMARY_GROUP_TITLE: Record<SummaryGroup, string> = {
  split: 'By split',
  stack: 'By stack',
  hardware: 'By hardware',
  metric: 'By metric',
}

/** A group's key as people read it: stacks and metrics by label, splits and hardware as they are. */
export function summaryGroupLabel(group: SummaryGroup, key: string): string {
  if (group === 'stack') return stackLabel(key)
  if (group === 'metric') return validationMetricLabel(key)
  return key
}

/**
 * A stack's place in a palette: the registry's order for the model's stacks, then the others the
 * report names (alphabetically). It depends on the whole report, never on filtered rows, so a
 * stack keeps its colour in every chart and while filters change.
 */
export function stackColorIndex(stack: string, reportStacks: readonly string[]): number {
  const known = (STACK_IDS as readonly string[]).indexOf(stack)
  if (known !== -1) return known
  const others = [...new Set(reportStacks)].filter((id) => !(STACK_IDS as readonly string[]).includes(id)).sort()
  const index = others.indexOf(stack)
  return STACK_IDS.length + (index === -1 ? others.length : index)
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
 * The scored measurements of the same hardware (the preset's own chip, not a variant such as a
 * 40 GB A100) on the same stack, nearest configuration first:
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
        !row.chipChanged &&
        row.stack === target.stack &&
        VALIDATION_METRIC[row.metric].kind === 'inference',
    )
    .map((row) => ({ row, distance: distance(row, target) }))
    .sort((a, b) => a.distance - b.distance || a.row.id.localeCompare(b.row.id))
    .slice(0, count)
    .map(({ row }) => row)
}
