import { ScenarioSchema, type PresetsDto, type Scenario, type ScenarioInput } from '../../../contract/api'
import { fieldErrorsOf } from './scenarioErrors'
import { describeField, leafFields } from './schemaHelp'

/** Where speculative decoding sits in a scenario; absent: off. */
export const SPECULATIVE_PATH = 'workload.speculative'

/** The section's fields, walked from the schema (the draft model, the proposed tokens, the acceptance rate…). */
export const SPECULATIVE_FIELDS = leafFields(SPECULATIVE_PATH)

type Speculative = NonNullable<Scenario['workload']['speculative']>
type SpeculativeInput = NonNullable<ScenarioInput['workload']['speculative']>

/** The section as the form edits it; a number field may be '' (one with a default: left out, so the default applies). */
export type SpeculativeDraft = { [K in keyof Speculative]: Speculative[K] | '' }

const fieldPath = (key: string): string => `${SPECULATIVE_PATH}.${key}`

/** The schema's default of each field, where it has one. */
export function speculativeDefaultOf(key: string): unknown {
  return describeField(fieldPath(key))?.defaultValue
}

/** The form's view of a loaded scenario's section: null (off) when it has none. */
export function speculativeDraftOf(loaded: Speculative | undefined): SpeculativeDraft | null {
  return loaded === undefined ? null : { ...loaded }
}

/**
 * The section to send, or undefined when off (the key is then left out, so the scenario's hash is
 * the same as before). An emptied field with a default is left out too; one without is sent as
 * NaN for the schema to refuse.
 */
export function speculativeInputOf(draft: SpeculativeDraft | null): SpeculativeInput | undefined {
  if (draft === null) return undefined
  const entries = Object.entries(draft)
    .filter(([key, value]) => value !== '' || speculativeDefaultOf(key) === undefined)
    .map(([key, value]) => [key, value === '' ? Number.NaN : value])
  return Object.fromEntries(entries) as SpeculativeInput
}

/**
 * The scenario schema's messages under the section, by path from the scenario root: each field's
 * bounds and the checks against the target (a draft at least as large, another vocabulary, a
 * context it cannot hold). Empty while another field keeps the schema from reaching those checks.
 */
export function speculativeErrors(input: ScenarioInput): Record<string, string> {
  const parsed = ScenarioSchema.safeParse(input)
  if (parsed.success) return {}
  const issues = parsed.error.issues.map(({ path, message }) => ({
    path: ['scenario', ...path.map((key) => (typeof key === 'symbol' ? String(key) : key))],
    message,
  }))
  const fields = Object.entries(fieldErrorsOf(issues).fields)
  return Object.fromEntries(
    fields.filter(([path]) => path === SPECULATIVE_PATH || path.startsWith(`${SPECULATIVE_PATH}.`)),
  )
}

/**
 * What turning the section on adds: the schema's defaults, and as the draft the largest model
 * preset smaller than the target that the scenario schema accepts for `input`, else the largest
 * smaller one, else the smallest other (its refusal then says why).
 */
export function defaultSpeculative(input: ScenarioInput, models: PresetsDto['models']): SpeculativeDraft {
  const defaults = Object.fromEntries(SPECULATIVE_FIELDS.map(({ path }) => [path, speculativeDefaultOf(path) ?? '']))
  const options = (SPECULATIVE_FIELDS.find(({ path }) => path === 'draftModel')?.options ??
    []) as Speculative['draftModel'][]
  const size = new Map(models.map((model) => [model.id, model.parameters]))
  const target = input.workload.model
  const others = options.filter((id) => id !== target && size.has(id)).sort((a, b) => size.get(b)! - size.get(a)!)
  const smaller = others.filter((id) => size.get(id)! < (size.get(target) ?? Number.POSITIVE_INFINITY))
  const accepted = (draftModel: Speculative['draftModel']): boolean => {
    const speculative = speculativeInputOf({ ...defaults, draftModel } as SpeculativeDraft)
    return Object.keys(speculativeErrors({ ...input, workload: { ...input.workload, speculative } })).length === 0
  }
  const draftModel = smaller.find(accepted) ?? smaller[0] ?? others.at(-1) ?? options[0]!
  return { ...defaults, draftModel } as SpeculativeDraft
}
