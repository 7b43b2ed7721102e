import { reactive } from 'vue'
import type { PresetsDto, Scenario, ScenarioInput } from '../../../preload/api'
import type { ExecutionMode } from '../format/executionModes'

/** The per-system choices the form shows; '' means "the system's own figure". */
export interface SystemChoices {
  mode: ExecutionMode | ''
  computeEfficiency: number | ''
  memoryEfficiency: number | ''
}

/** The overrides the form edits; any others a loaded scenario carries (chips…) are kept as they are. */
export const EDITED_OVERRIDES = ['mode', 'computeEfficiency', 'memoryEfficiency'] as const

/** What the form edits. Number fields may be '' while the user types; the API reports them. */
export interface ScenarioDraft {
  name: string
  systems: string[]
  model: string
  batch: number | ''
  promptTokens: number | ''
  outputTokens: number | ''
  label: string
  hostLinkModel: Scenario['assumptions']['hostLinkModel']
  logitsForLastTokenOnly: boolean
  /** By system id; a system without an entry uses its own figures. */
  choices: Record<string, SystemChoices>
}

type Override = Scenario['systemOverrides'][string]

const toNumber = (value: number | ''): number => (value === '' ? Number.NaN : value)

export const emptyChoices = (): SystemChoices => ({ mode: '', computeEfficiency: '', memoryEfficiency: '' })

/** The paper's comparison: ticked by default when the catalogue has them, else every system. */
const PAPER_SYSTEMS = ['sn40l-node', 'dgx-h100', 'dgx-a100']

export function defaultDraft(presets: Pick<PresetsDto, 'systems' | 'models'>): ScenarioDraft {
  const ids = presets.systems.map((system) => system.id)
  const paper = PAPER_SYSTEMS.filter((id) => ids.includes(id))
  return {
    name: 'Single-model serving',
    systems: paper.length > 0 ? paper : ids,
    model: presets.models[0]?.id ?? '',
    batch: 8,
    promptTokens: 1024,
    outputTokens: 128,
    label: '',
    hostLinkModel: 'paper',
    logitsForLastTokenOnly: true,
    choices: {},
  }
}

function choicesOf(overrides: Scenario['systemOverrides']): Record<string, SystemChoices> {
  return Object.fromEntries(
    Object.entries(overrides).map(([id, override]) => [
      id,
      {
        mode: override?.mode ?? '',
        computeEfficiency: override?.computeEfficiency ?? '',
        memoryEfficiency: override?.memoryEfficiency ?? '',
      },
    ]),
  )
}

/** A loaded override with the form's fields replaced by what the user set; undefined when empty. */
function mergeOverride(loaded: Override | undefined, choices: SystemChoices | undefined): Override | undefined {
  const merged: Record<string, unknown> = { ...loaded }
  for (const key of EDITED_OVERRIDES) {
    const value = choices?.[key] ?? ''
    if (value === '') delete merged[key]
    else merged[key] = value
  }
  return Object.keys(merged).length === 0 ? undefined : (merged as Override)
}

/**
 * The form's state and its translation to a `ScenarioInput`. Fields the form does not show
 * (description, seed, overrides it has no input for) are kept from a loaded scenario; of the
 * overrides, only those set are sent.
 */
export function useScenarioDraft(initial: ScenarioDraft) {
  const copy = (next: ScenarioDraft): ScenarioDraft => ({
    ...next,
    systems: [...next.systems],
    choices: Object.fromEntries(Object.entries(next.choices).map(([id, c]) => [id, { ...c }])),
  })
  const draft = reactive<ScenarioDraft>(copy(initial))
  let base: Partial<Scenario> = {}

  function reset(next: ScenarioDraft): void {
    Object.assign(draft, copy(next))
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
      hostLinkModel: scenario.assumptions.hostLinkModel,
      logitsForLastTokenOnly: scenario.assumptions.logitsForLastTokenOnly,
      choices: choicesOf(scenario.systemOverrides),
    })
  }

  function toInput(): ScenarioInput {
    const loaded: Record<string, Override | undefined> = base.systemOverrides ?? {}
    const overrides: Record<string, Override> = {}
    for (const id of draft.systems) {
      const override = mergeOverride(loaded[id], draft.choices[id])
      if (override) overrides[id] = override
    }
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
      assumptions: { logitsForLastTokenOnly: draft.logitsForLastTokenOnly, hostLinkModel: draft.hostLinkModel },
      systemOverrides: overrides,
    }
  }

  return { draft, reset, load, toInput }
}
