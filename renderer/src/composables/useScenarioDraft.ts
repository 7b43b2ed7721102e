import { reactive } from 'vue'
import {
  OVERRIDABLE_FIGURES,
  type ExecutionMode,
  type OverridableFigureKey,
  type PresetsDto,
  type Scenario,
  type ScenarioInput,
  type StackId,
  type SystemSpec,
} from '../../../contract/api'
import { defaultServingDraft, servingDraftOf, servingInputOf, type ServingDraft } from '../viewModels/servingDraft'
import { speculativeDraftOf, speculativeInputOf, type SpeculativeDraft } from '../viewModels/speculativeDraft'

/** The numeric per-system overrides (the core's overridable figures), each an assumption the form can reset. */
export const NUMERIC_OVERRIDES: readonly OverridableFigureKey[] = OVERRIDABLE_FIGURES
export type NumericOverride = OverridableFigureKey

/**
 * The per-system choices the form shows; '' means "the system's own": its figure, its default
 * mode, its default stack (a preset's paper pairing).
 */
export type SystemChoices = { mode: ExecutionMode | ''; stack: StackId | '' } & Record<NumericOverride, number | ''>

/** Every override the form edits: all that SystemOverrideSchema has. */
export const EDITED_OVERRIDES: readonly (keyof SystemChoices)[] = ['mode', 'stack', ...NUMERIC_OVERRIDES]

/** What the form edits. Number fields may be '' while the user types; the API reports them. */
export interface ScenarioDraft {
  name: string
  description: string
  /** Seed of every random stream of the run. */
  seed: number | ''
  precision: Scenario['workload']['precision']
  systems: string[]
  model: string
  batch: number | ''
  promptTokens: number | ''
  outputTokens: number | ''
  /** Speculative decoding of the call; null: off, and `workload.speculative` is not sent. */
  speculative: SpeculativeDraft | null
  label: string
  hostLinkModel: Scenario['assumptions']['hostLinkModel']
  logitsForLastTokenOnly: boolean
  /** By system id; a system without an entry uses its own figures. */
  choices: Record<string, SystemChoices>
  /**
   * Systems the scenario defines itself. One the user typed has only its id checked here (the
   * API checks the rest), so code that shows them must not trust the other fields.
   */
  customSystems: SystemSpec[]
  /** The Composition of Experts served under traffic; sent only when enabled. */
  serving: ServingDraft
}

type Override = Scenario['systemOverrides'][string]

const toNumber = (value: number | ''): number => (value === '' ? Number.NaN : value)

/** A plain deep copy: the draft's reactive proxies cannot cross IPC, and a loaded scenario stays untouched. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

export const emptyChoices = (): SystemChoices =>
  ({ mode: '', stack: '', ...Object.fromEntries(NUMERIC_OVERRIDES.map((key) => [key, ''])) }) as SystemChoices

/** The paper's comparison: ticked by default when the catalogue has them, else every system. */
const PAPER_SYSTEMS = ['sn40l-node', 'dgx-h100', 'dgx-a100']

export function defaultDraft(presets: Pick<PresetsDto, 'systems' | 'models'>): ScenarioDraft {
  const ids = presets.systems.map((system) => system.id)
  const paper = PAPER_SYSTEMS.filter((id) => ids.includes(id))
  return {
    name: 'Single-model serving',
    description: '',
    seed: 1,
    precision: 'bf16',
    systems: paper.length > 0 ? paper : ids,
    model: presets.models[0]?.id ?? '',
    batch: 8,
    promptTokens: 1024,
    outputTokens: 128,
    speculative: null,
    label: '',
    hostLinkModel: 'paper',
    logitsForLastTokenOnly: true,
    choices: {},
    customSystems: [],
    serving: defaultServingDraft(),
  }
}

function choicesOf(overrides: Scenario['systemOverrides']): Record<string, SystemChoices> {
  return Object.fromEntries(
    Object.entries(overrides).map(([id, override]) => {
      const choices = emptyChoices()
      for (const key of EDITED_OVERRIDES) {
        const value = override?.[key]
        if (value !== undefined) (choices as Record<string, unknown>)[key] = value
      }
      return [id, choices]
    }),
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
 * (serving fields beyond its own) are kept from a loaded scenario; of the overrides, only those
 * set are sent.
 */
export function useScenarioDraft(initial: ScenarioDraft) {
  const copy = (next: ScenarioDraft): ScenarioDraft => ({
    ...next,
    systems: [...next.systems],
    customSystems: plain(next.customSystems),
    serving: { ...next.serving },
    speculative: next.speculative && { ...next.speculative },
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
      description: scenario.description ?? '',
      seed: scenario.seed ?? 1,
      precision: scenario.workload.precision ?? 'bf16',
      systems: [...scenario.systems],
      model: scenario.workload.model,
      batch: scenario.workload.batch,
      promptTokens: scenario.workload.promptTokens,
      outputTokens: scenario.workload.outputTokens,
      speculative: speculativeDraftOf(scenario.workload.speculative),
      hostLinkModel: scenario.assumptions.hostLinkModel,
      logitsForLastTokenOnly: scenario.assumptions.logitsForLastTokenOnly,
      choices: choicesOf(scenario.systemOverrides),
      customSystems: plain(scenario.customSystems ?? []),
      serving: servingDraftOf(scenario.serving),
    })
  }

  /** Adds a system the user defined and ticks it; the caller has checked that its id is free. */
  function addCustomSystem(system: SystemSpec): void {
    draft.customSystems = [...draft.customSystems, system]
    if (!draft.systems.includes(system.id)) draft.systems = [...draft.systems, system.id]
  }

  /** Replaces a custom system; a changed id follows into the ticked systems and their choices. */
  function updateCustomSystem(index: number, system: SystemSpec): void {
    const old = draft.customSystems[index]
    if (!old) return
    draft.customSystems = draft.customSystems.map((current, i) => (i === index ? system : current))
    if (old.id === system.id) return
    draft.systems = draft.systems.map((id) => (id === old.id ? system.id : id))
    draft.choices = Object.fromEntries(
      Object.entries(draft.choices).map(([id, choices]) => [id === old.id ? system.id : id, choices]),
    )
  }

  /** Removes a custom system, unticks it and forgets its overrides, the loaded ones included. */
  function removeCustomSystem(id: string): void {
    draft.customSystems = draft.customSystems.filter((system) => system.id !== id)
    draft.systems = draft.systems.filter((selected) => selected !== id)
    draft.choices = Object.fromEntries(Object.entries(draft.choices).filter(([key]) => key !== id))
    if (base.systemOverrides?.[id]) {
      base = {
        ...base,
        systemOverrides: Object.fromEntries(Object.entries(base.systemOverrides).filter(([key]) => key !== id)),
      }
    }
  }

  function toInput(): ScenarioInput {
    const loaded: Record<string, Override | undefined> = base.systemOverrides ?? {}
    const overrides: Record<string, Override> = {}
    for (const id of draft.systems) {
      const override = mergeOverride(loaded[id], draft.choices[id])
      if (override) overrides[id] = override
    }
    // Sent only when there are some: a scenario without any reads as before custom systems existed.
    const { customSystems: _loaded, serving: _serving, ...kept } = base
    const custom = draft.customSystems.length > 0 ? { customSystems: plain(draft.customSystems) } : {}
    const serving = servingInputOf(draft.serving, base.serving)
    // The form's speculative section replaces the loaded one; off leaves the key out altogether.
    const { speculative: _speculative, ...workload } = base.workload ?? ({} as Partial<Scenario['workload']>)
    const speculative = speculativeInputOf(draft.speculative)
    return {
      ...kept,
      name: draft.name,
      description: draft.description,
      seed: toNumber(draft.seed),
      systems: [...draft.systems] as ScenarioInput['systems'],
      ...custom,
      workload: {
        ...workload,
        model: draft.model as ScenarioInput['workload']['model'],
        batch: toNumber(draft.batch),
        promptTokens: toNumber(draft.promptTokens),
        outputTokens: toNumber(draft.outputTokens),
        precision: draft.precision,
        ...(speculative ? { speculative } : {}),
      },
      assumptions: { logitsForLastTokenOnly: draft.logitsForLastTokenOnly, hostLinkModel: draft.hostLinkModel },
      systemOverrides: overrides,
      ...(serving ? { serving } : {}),
    }
  }

  return { draft, reset, load, toInput, addCustomSystem, updateCustomSystem, removeCustomSystem }
}
