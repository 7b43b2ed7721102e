import {
  OVERRIDABLE_FIGURE,
  STACK_FIGURES,
  VALIDATION_METRIC,
  type RunResult,
  type ValidationReport,
} from '../../../contract/api'
import {
  formatValidationError,
  formatValidationValue,
  nearestValidationRows,
  stackLabel,
} from '../../../contract/validationPresentation'

/** How many measured configurations a system shows: enough to see a trend, few enough to read. */
export const NEAREST_ROWS = 3

/** One measured configuration near the run's, and how far the model was from it. */
export interface StackTrustRow {
  id: string
  configuration: string
  /** The metric as people read it: "end-to-end latency". */
  metric: string
  /** "fitted": the stack's figures were fitted on it, so its error is small by construction; "held out": an honest test. */
  split: 'fitted' | 'held out'
  /** simulated / measured − 1, signed: "+4.2%". */
  error: string
  /** The two values behind the error, for a tooltip. */
  detail: string
}

/** One system of a run: the stack it ran, and the measurements of that stack on that hardware. */
export interface StackTrustEntry {
  systemId: string
  systemName: string
  /** The stack's label; "not recorded" for a run stored before stacks existed. */
  stack: string
  /** Nearest first; null while the validation report is not at hand (loading, or it failed). */
  rows: StackTrustRow[] | null
  /** Why there are no rows, once the report is at hand; null when there are some. */
  empty: string | null
  /** The stack figures this run overrode for the system: the errors are of the stack's own figures. */
  overridden: string | null
}

/** Undefined in runs stored before 0.4.0: they did not record a stack. */
const NOT_RECORDED = 'not recorded'

function emptySentence(systemName: string, stackId: string | null | undefined): string {
  if (stackId === undefined) return `this run does not record the stack ${systemName} ran, so no measurement is matched`
  if (stackId === null) return `${systemName} ran its own figures, which no published measurement covers`
  return `no published measurement of ${systemName} on ${stackLabel(stackId)}`
}

/**
 * Per system of a result: its stack, and up to three measured configurations of the same
 * hardware (the preset id) on the same stack, nearest to the run's workload first: how far the
 * model was from real machines near what this run asked.
 */
export function stackTrust(result: RunResult, report: ValidationReport | null): StackTrustEntry[] {
  const { model, batch, promptTokens, outputTokens } = result.scenario.workload
  return result.systems.map((system) => {
    const stack = system.stackId === undefined ? NOT_RECORDED : stackLabel(system.stackId)
    const override = Object.hasOwn(result.scenario.systemOverrides, system.systemId)
      ? result.scenario.systemOverrides[system.systemId]
      : undefined
    const changed = STACK_FIGURES.filter((key) => override?.[key] !== undefined)
    const overridden =
      changed.length === 0
        ? null
        : `this run overrides ${changed.map((key) => OVERRIDABLE_FIGURE[key].label).join(', ')}: the errors below are of ${stack}'s own figures`
    const base = { systemId: system.systemId, systemName: system.systemName, stack, overridden }
    if (report === null) return { ...base, rows: null, empty: null }
    const target = {
      hardware: system.systemId,
      stack: system.stackId,
      model,
      chips: system.chips,
      batch,
      promptTokens,
      outputTokens,
    }
    // An old run's unknown stack matches nothing: guessing the default would claim what it did not record.
    const nearest = system.stackId === undefined ? [] : nearestValidationRows(report, target, NEAREST_ROWS)
    const rows = nearest.map((row) => ({
      id: row.id,
      configuration: row.configuration,
      metric: VALIDATION_METRIC[row.metric].label,
      split: row.split === 'fit' ? ('fitted' as const) : ('held out' as const),
      error: formatValidationError(row.error),
      detail: `measured ${formatValidationValue(row.measured, row.metric)}, simulated ${formatValidationValue(row.simulated, row.metric)}`,
    }))
    return { ...base, rows, empty: rows.length === 0 ? emptySentence(system.systemName, system.stackId) : null }
  })
}
