import { resolveSystem } from '../assumptions'
import { SYSTEM_PRESETS } from '../hardware/presets'
import type { ChipSpec, SystemSpec } from '../hardware/schema'
import { MODEL_PRESETS } from '../models/presets'
import { ownEntry } from '../own'
import { simulateInference } from '../perf/inference'
import { q } from '../quantity'
import { ScenarioSchema, type Scenario, type SystemOverride } from '../scenario/schema'
import { isStackId, type StackId } from '../stacks/registry'
import { PRECISIONS, type Precision } from '../precision'
import { VALIDATION_METRIC } from './metrics'
import type { MeasurementRow } from './schema'

/** What the model answers for one row: a value in the metric's SI unit, or why it cannot. */
export type RowOutcome = { simulated: number } | { unsupported: string }

/**
 * Precisions as measurement files name them (any case: the registry's ids are its labels in lower
 * case), and "16-bit", a source that does not say which, run as BF16. A chip without the
 * precision's peak makes the row unsupported with the scenario schema's refusal.
 */
const ROW_PRECISION: Readonly<Record<string, Precision>> = {
  '16-bit': 'bf16',
  ...Object.fromEntries(PRECISIONS.map((id) => [id, id])),
}

/** The chip fields a row may change (numbers in SI units); the rest would need a new preset. */
const CHIP_FIELDS = [
  'peakFlops',
  'sramBytes',
  'hbmBytes',
  'hbmBandwidth',
] as const satisfies readonly (keyof ChipSpec)[]
type ChipField = (typeof CHIP_FIELDS)[number]

/** The id the row's system runs under when it changes the preset's chip. */
const MEASURED_SYSTEM = 'as-measured'

/** The preset with the row's chip fields, each sourced to the row; null when none. */
function measuredSystem(row: MeasurementRow, preset: SystemSpec): SystemSpec | string | null {
  const fields = row.hardware.chip
  if (fields === undefined || Object.keys(fields).length === 0) return null
  const chip: ChipSpec = { ...preset.chip }
  for (const [key, value] of Object.entries(fields)) {
    if (!(CHIP_FIELDS as readonly string[]).includes(key)) {
      return `chip field "${key}" is not one the model can change (${CHIP_FIELDS.join(', ')})`
    }
    chip[key as ChipField] = q(value, `measurement ${row.id}: ${row.hardware.note ?? 'the measured part'}`)
  }
  if (row.hardware.note) chip.name = row.hardware.note
  return { ...preset, id: MEASURED_SYSTEM, chip }
}

/** A path of the row's scenario as the field of the row it came from (`hardware.chips`, not `systemOverrides.…`). */
function rowField(path: readonly PropertyKey[], id: string): string {
  const dotted = path.map(String).join('.')
  const override = `systemOverrides.${id}.`
  if (dotted === `${override}chips`) return 'hardware.chips'
  if (dotted.startsWith(override)) return `stack figure ${dotted.slice(override.length)}`
  if (dotted.startsWith('customSystems.0.chip.')) return `hardware.chip.${dotted.slice('customSystems.0.chip.'.length)}`
  return dotted
}

/** Extra figures for the row's system: the fit's trial values. */
export type FigureOverrides = Partial<Omit<SystemOverride, 'chips' | 'mode' | 'stack'>>

/**
 * The scenario that simulates a row: the row's preset (with its chip fields), chips, workload and
 * stack, as one analytic run. A string: why the model cannot express the row.
 */
export function rowScenario(row: MeasurementRow, figures: FigureOverrides = {}): Scenario | string {
  const preset = ownEntry<SystemSpec>(SYSTEM_PRESETS, row.hardware.base)
  if (preset === undefined) return `hardware "${row.hardware.base}" is not a system preset`
  const metric = VALIDATION_METRIC[row.metric]
  const stack: StackId | undefined = metric.kind === 'copy' ? undefined : isStackId(row.stack) ? row.stack : undefined
  if (metric.kind === 'inference' && stack === undefined) return `stack "${row.stack}" has no profile in the model`
  if (ownEntry(MODEL_PRESETS, row.workload.model) === undefined) {
    return `model "${row.workload.model}" is not a model preset`
  }
  const precision = ownEntry(ROW_PRECISION, row.workload.precision.toLowerCase())
  if (precision === undefined) {
    return `precision "${row.workload.precision}" is not modelled (${[...PRECISIONS, '16-bit'].join(', ')})`
  }
  if (row.workload.outputTokens < metric.minOutputTokens) {
    return `${metric.label} needs at least ${metric.minOutputTokens} output tokens; the row has ${row.workload.outputTokens}`
  }
  const speculative = row.workload.speculative
  if (speculative !== undefined && ownEntry(MODEL_PRESETS, speculative.draftModel) === undefined) {
    return `draft model "${speculative.draftModel}" is not a model preset`
  }
  const custom = measuredSystem(row, preset)
  if (typeof custom === 'string') return custom
  const id = custom?.id ?? preset.id
  const override: SystemOverride = { chips: row.hardware.chips, ...figures, ...(stack && { stack }) }
  const parsed = ScenarioSchema.safeParse({
    name: row.id,
    systems: [id],
    customSystems: custom ? [custom] : [],
    // The row's own fields only: a file may carry more than the model reads.
    workload: {
      model: row.workload.model,
      batch: row.workload.batch,
      promptTokens: row.workload.promptTokens,
      outputTokens: row.workload.outputTokens,
      precision,
      ...(speculative && {
        speculative: {
          draftModel: speculative.draftModel,
          proposedTokens: speculative.proposedTokens,
          acceptanceRate: speculative.acceptanceRate,
        },
      }),
    },
    // The copy metric is one chip's own link.
    assumptions: { logitsForLastTokenOnly: true, hostLinkModel: metric.kind === 'copy' ? 'perGpuLinks' : 'paper' },
    systemOverrides: { [id]: override },
  })
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `${rowField(issue.path, id)}: ${issue.message}`).join('; ')
  }
  return parsed.data
}

/** The model's answer for one measurement row. */
export function simulateRow(row: MeasurementRow, figures: FigureOverrides = {}): RowOutcome {
  const scenario = rowScenario(row, figures)
  if (typeof scenario === 'string') return { unsupported: scenario }
  // rowScenario names exactly one system.
  const system = resolveSystem(scenario.systems[0]!, scenario)
  const metric = VALIDATION_METRIC[row.metric]
  if (metric.kind === 'copy') return { simulated: system.copyBandwidth / system.chips }
  const result = simulateInference(system, scenario)
  if (result.metrics === null) return { unsupported: `the model finds it does not fit: ${result.message ?? ''}` }
  return { simulated: metric.read(result.metrics, system.chips) }
}
