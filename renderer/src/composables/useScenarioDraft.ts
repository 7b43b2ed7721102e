import { reactive } from 'vue'
import type { PresetsDto, Scenario, ScenarioInput } from '../../../preload/api'

/** What the form edits. Number fields may be '' while the user types; the API reports them. */
export interface ScenarioDraft {
  name: string
  systems: string[]
  model: string
  batch: number | ''
  promptTokens: number | ''
  outputTokens: number | ''
  label: string
}

const toNumber = (value: number | ''): number => (value === '' ? Number.NaN : value)

export function defaultDraft(presets: Pick<PresetsDto, 'systems' | 'models'>): ScenarioDraft {
  return {
    name: 'Single-model serving',
    systems: presets.systems.map((system) => system.id),
    model: presets.models[0]?.id ?? '',
    batch: 8,
    promptTokens: 1024,
    outputTokens: 128,
    label: '',
  }
}

/**
 * The form's state and its translation to a `ScenarioInput`. Fields the form does not show
 * (description, seed, assumptions, overrides of selected systems) are kept from a loaded scenario.
 */
export function useScenarioDraft(initial: ScenarioDraft) {
  const draft = reactive<ScenarioDraft>({ ...initial, systems: [...initial.systems] })
  let base: Partial<Scenario> = {}

  function reset(next: ScenarioDraft): void {
    Object.assign(draft, { ...next, systems: [...next.systems] })
    base = {}
  }

  function load(scenario: Scenario): void {
    base = scenario
    Object.assign(draft, {
      name: scenario.name,
      systems: [...scenario.systems],
      model: scenario.workload.model,
      batch: scenario.workload.batch,
      promptTokens: scenario.workload.promptTokens,
      outputTokens: scenario.workload.outputTokens,
    })
  }

  function toInput(): ScenarioInput {
    const overrides = Object.fromEntries(
      Object.entries(base.systemOverrides ?? {}).filter(([id]) => draft.systems.includes(id)),
    )
    return {
      ...base,
      name: draft.name,
      systems: [...draft.systems] as ScenarioInput['systems'],
      workload: {
        ...base.workload,
        model: draft.model as ScenarioInput['workload']['model'],
        batch: toNumber(draft.batch),
        promptTokens: toNumber(draft.promptTokens),
        outputTokens: toNumber(draft.outputTokens),
      },
      systemOverrides: overrides,
    }
  }

  return { draft, reset, load, toInput }
}
