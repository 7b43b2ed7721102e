import { SIMULATOR_VERSION } from '../version'
import type { CollectiveCheck } from './collectives'
import type { KernelOpCheck } from './kernelOps'
import { summarise, type ErrorSummary } from './summary'

export { summarise, type ErrorSummary } from './summary'
import { VALIDATION_METRIC, type ValidationMetricId } from './metrics'
import {
  SUMMARY_GROUPS,
  type MeasurementFile,
  type MeasurementRow,
  type SummaryGroup,
  type ValidationSplit,
} from './schema'
import { simulateRow } from './simulateRow'

/** One measurement beside the model's answer. */
export interface ValidationRowResult {
  id: string
  stack: string
  split: ValidationSplit
  metric: ValidationMetricId
  /** In the metric's SI unit. */
  measured: number
  /** In the metric's SI unit; null when the model cannot express the row. */
  simulated: number | null
  /** simulated / measured − 1; null when unsupported. */
  error: number | null
  status: 'ok' | 'unsupported'
  /** Why the row is unsupported; null otherwise. */
  reason: string | null
  /** The preset the row ran on, and the chips used. */
  hardware: string
  chips: number
  /** The measured part differs from the preset's chip (e.g. the 40 GB A100): not the preset's hardware. */
  chipChanged: boolean
  model: string
  batch: number
  promptTokens: number
  outputTokens: number
  /** The configuration in one line: "llama2-7b, 1 × 128 → 20 tokens, 8 chips". */
  configuration: string
  /** The row's notes and hardware note: what to keep in mind about the measurement. */
  caveat: string | null
  source: string
}

export interface ValidationSummary {
  all: ErrorSummary
  /** Per split, stack, hardware and metric, keyed by the group's value. */
  by: Record<SummaryGroup, Record<string, ErrorSummary>>
}

export interface ValidationReport {
  simulatorVersion: string
  /** The collective model against measured NCCL all-reduces, when asked for (`--kernels`). */
  collectives?: CollectiveCheck
  /** The kernel model against measured per-operator kernel times, when asked for (`--kernels`). */
  kernelOps?: KernelOpCheck
  /** Which measurement set: the shipped one, or the file given. */
  measurements: string
  rows: ValidationRowResult[]
  summary: ValidationSummary
}

export function summariseAll(rows: readonly ValidationRowResult[]): ValidationSummary {
  const by = Object.fromEntries(
    SUMMARY_GROUPS.map((group) => {
      const keys = [...new Set(rows.map((row) => String(row[group])))]
      return [
        group,
        Object.fromEntries(keys.map((key) => [key, summarise(rows.filter((row) => String(row[group]) === key))])),
      ]
    }),
  ) as ValidationSummary['by']
  return { all: summarise(rows), by }
}

function configuration(row: MeasurementRow): string {
  const { model, batch, promptTokens, outputTokens, precision } = row.workload
  if (VALIDATION_METRIC[row.metric].kind === 'copy') return `${row.hardware.chips} chip, host to chip`
  const chips = `${row.hardware.chips} chip${row.hardware.chips === 1 ? '' : 's'}`
  const speculative = row.workload.speculative
  const draft = speculative ? `, speculative with ${speculative.draftModel}` : ''
  return `${model}, ${batch} × ${promptTokens} → ${outputTokens} tokens, ${chips}, ${precision}${draft}`
}

/** One row measured and simulated. */
export function validateRow(row: MeasurementRow): ValidationRowResult {
  const outcome = simulateRow(row)
  const simulated = 'simulated' in outcome ? outcome.simulated : null
  const caveats = [row.hardware.note, row.notes].filter((text): text is string => text !== undefined && text !== '')
  return {
    id: row.id,
    stack: row.stack,
    split: row.split,
    metric: row.metric,
    measured: row.measured,
    simulated,
    error: simulated === null ? null : simulated / row.measured - 1,
    status: simulated === null ? 'unsupported' : 'ok',
    reason: 'unsupported' in outcome ? outcome.unsupported : null,
    hardware: row.hardware.base,
    chips: row.hardware.chips,
    chipChanged: Object.keys(row.hardware.chip ?? {}).length > 0,
    model: row.workload.model,
    batch: row.workload.batch,
    promptTokens: row.workload.promptTokens,
    outputTokens: row.workload.outputTokens,
    configuration: configuration(row),
    caveat: caveats.length === 0 ? null : caveats.join(' '),
    source: row.source,
  }
}

export interface ValidateOptions {
  /** Only the rows of this stack (the file's stack id). */
  stack?: string | undefined
  /** Called after each row with the fraction done. */
  onProgress?: (fraction: number) => void
}

/** Every row of a measurement set (or of one stack) beside the model, with the summary. */
export function validate(file: MeasurementFile, measurements: string, options: ValidateOptions = {}): ValidationReport {
  const selected = options.stack === undefined ? file.rows : file.rows.filter((row) => row.stack === options.stack)
  const rows = selected.map((row, index) => {
    const result = validateRow(row)
    options.onProgress?.((index + 1) / selected.length)
    return result
  })
  return { simulatorVersion: SIMULATOR_VERSION, measurements, rows, summary: summariseAll(rows) }
}
