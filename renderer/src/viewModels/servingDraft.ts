import type { Scenario, ScenarioInput } from '../../../contract/api'
import { describeTraffic } from '../format/serving'

type Serving = NonNullable<Scenario['serving']>
type ServingInput = NonNullable<ScenarioInput['serving']>

type Length = Serving['promptTokens']

/** A length distribution as the form edits it: every kind's fields, the kind picking which are sent. */
export interface LengthDraft {
  kind: Length['kind']
  value: number | ''
  min: number | ''
  max: number | ''
  median: number | ''
  sigma: number | ''
}

/** The serving fields the form edits; number fields may be '' while the user types. */
export interface ServingDraft {
  enabled: boolean
  experts: number | ''
  expertModel: Serving['expertModel']
  /** '' for no router. */
  routerModel: NonNullable<Serving['routerModel']> | ''
  promptLength: LengthDraft
  outputLength: LengthDraft
  /** Probability a request repeats the previous expert. */
  locality: number | ''
  /** Poisson arrivals per second; '' keeps the loaded scenario's other traffic (`keptTraffic`). */
  rate: number | ''
  requests: number | ''
  /** 'table' only while a loaded scenario's routing table is kept. */
  routing: Serving['routing']['kind']
  zipfExponent: number | ''
  cachePolicy: Serving['cachePolicy']
  maxBatch: number | ''
  scheduling: Serving['scheduling']
  /** What a loaded scenario's MMPP or trace traffic is, while it is kept; null otherwise. */
  keptTraffic: string | null
  /** Whether the loaded scenario routes by a table, so the form may offer to keep it. */
  hasTable: boolean
}

const toNumber = (value: number | ''): number => (value === '' ? Number.NaN : value)

/** A plain deep copy: the loaded scenario may be a store's reactive proxy, which cannot cross IPC. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

export function lengthDraftOf(length: Length): LengthDraft {
  const draft: LengthDraft = { kind: length.kind, value: '', min: '', max: '', median: '', sigma: '' }
  return { ...draft, ...length }
}

function lengthInputOf(draft: LengthDraft): Length {
  if (draft.kind === 'fixed') return { kind: 'fixed', value: toNumber(draft.value) }
  if (draft.kind === 'uniform') return { kind: 'uniform', min: toNumber(draft.min), max: toNumber(draft.max) }
  return { kind: 'lognormal', median: toNumber(draft.median), sigma: toNumber(draft.sigma), max: toNumber(draft.max) }
}

/** Off, with the example scenario's figures ready for when the user turns it on. */
export function defaultServingDraft(): ServingDraft {
  return {
    enabled: false,
    experts: 100,
    expertModel: 'llama2-7b',
    routerModel: 'llama2-7b',
    promptLength: lengthDraftOf({ kind: 'fixed', value: 128 }),
    outputLength: lengthDraftOf({ kind: 'fixed', value: 20 }),
    locality: 0,
    rate: 1,
    requests: 10_000,
    routing: 'uniform',
    zipfExponent: 1,
    cachePolicy: 'lru',
    maxBatch: 8,
    scheduling: 'fcfs',
    keptTraffic: null,
    hasTable: false,
  }
}

/** The form's view of a loaded scenario's serving section: on when it has one. */
export function servingDraftOf(serving: Serving | undefined): ServingDraft {
  if (!serving) return defaultServingDraft()
  const { traffic, routing } = serving
  return {
    enabled: true,
    experts: serving.experts,
    expertModel: serving.expertModel,
    routerModel: serving.routerModel ?? '',
    promptLength: lengthDraftOf(serving.promptTokens),
    outputLength: lengthDraftOf(serving.outputTokens),
    locality: serving.locality,
    rate: traffic.kind === 'poisson' ? traffic.rate : '',
    requests: serving.requests,
    routing: routing.kind,
    zipfExponent: routing.kind === 'zipf' ? routing.exponent : 1,
    cachePolicy: serving.cachePolicy,
    maxBatch: serving.maxBatch,
    scheduling: serving.scheduling,
    keptTraffic: traffic.kind === 'poisson' ? null : describeTraffic(traffic),
    hasTable: routing.kind === 'table',
  }
}

/**
 * The serving section to send, or undefined when the form has it off. Fields the form does not
 * show (fairness, timeout, batching, prefetch) are kept from the loaded section; so are
 * its MMPP or trace traffic while the rate stays empty, and its routing table while chosen.
 */
export function servingInputOf(draft: ServingDraft, loaded: Serving | undefined): ServingInput | undefined {
  if (!draft.enabled) return undefined
  const kept = loaded === undefined ? undefined : plain(loaded)
  const keepTraffic = draft.rate === '' && kept !== undefined && kept.traffic.kind !== 'poisson'
  const traffic = keepTraffic ? kept.traffic : { kind: 'poisson' as const, rate: toNumber(draft.rate) }
  const routing =
    draft.routing === 'zipf'
      ? { kind: 'zipf' as const, exponent: toNumber(draft.zipfExponent) }
      : draft.routing === 'table' && kept?.routing.kind === 'table'
        ? kept.routing
        : { kind: 'uniform' as const }
  return {
    ...kept,
    experts: toNumber(draft.experts),
    expertModel: draft.expertModel,
    routerModel: draft.routerModel === '' ? null : draft.routerModel,
    promptTokens: lengthInputOf(draft.promptLength),
    outputTokens: lengthInputOf(draft.outputLength),
    locality: toNumber(draft.locality),
    traffic,
    requests: toNumber(draft.requests),
    routing,
    cachePolicy: draft.cachePolicy,
    maxBatch: toNumber(draft.maxBatch),
    scheduling: draft.scheduling,
  }
}
