import { describe, expect, it } from 'vitest'
import { defaultServingDraft, servingDraftOf, servingInputOf } from '../../../../renderer/src/viewModels/servingDraft'
import { servingConfig } from '../servingFixtures'

const loaded = servingConfig({
  experts: 2,
  expertModel: 'llama2-7b',
  routerModel: null,
  traffic: { kind: 'mmpp', rates: [1, 5], switchRates: [0.1, 0.2] },
  requests: 5000,
  promptTokens: { kind: 'lognormal', median: 128, sigma: 0.5, max: 1024 },
  outputTokens: { kind: 'uniform', min: 10, max: 40 },
  routing: { kind: 'table', weights: [3, 1] }, // one weight per expert
  locality: 0.3,
  cachePolicy: 'belady',
  maxBatch: 4,
  scheduling: 'residentFirst',
  fairnessSeconds: 2,
  timeoutSeconds: 30,
})

describe('servingInputOf', () => {
  it('sends nothing while off', () => {
    expect(servingInputOf(defaultServingDraft(), undefined)).toBeUndefined()
    expect(servingInputOf({ ...servingDraftOf(loaded), enabled: false }, loaded)).toBeUndefined()
  })

  it('sends Poisson traffic and the form’s fields when on', () => {
    const draft = { ...defaultServingDraft(), enabled: true, experts: 20, rate: 2, requests: 500 }
    expect(servingInputOf(draft, undefined)).toEqual({
      experts: 20,
      expertModel: 'llama2-7b',
      routerModel: 'llama2-7b',
      promptTokens: { kind: 'fixed', value: 128 },
      outputTokens: { kind: 'fixed', value: 20 },
      locality: 0,
      traffic: { kind: 'poisson', rate: 2 },
      requests: 500,
      routing: { kind: 'uniform' },
      cachePolicy: 'lru',
      maxBatch: 8,
      scheduling: 'fcfs',
    })
    expect(servingInputOf({ ...draft, routing: 'zipf', zipfExponent: 1.2 }, undefined)?.routing).toEqual({
      kind: 'zipf',
      exponent: 1.2,
    })
  })

  it('sends each length distribution with its own fields only, and no router as null', () => {
    const draft = {
      ...defaultServingDraft(),
      enabled: true,
      routerModel: '' as const,
      promptLength: {
        kind: 'uniform' as const,
        value: 128,
        min: 64,
        max: 256,
        median: '' as const,
        sigma: '' as const,
      },
      outputLength: {
        kind: 'lognormal' as const,
        value: '' as const,
        min: '' as const,
        max: 400,
        median: 50,
        sigma: 0.8,
      },
    }
    const input = servingInputOf(draft, undefined)!
    expect(input.promptTokens).toEqual({ kind: 'uniform', min: 64, max: 256 })
    expect(input.outputTokens).toEqual({ kind: 'lognormal', median: 50, sigma: 0.8, max: 400 })
    expect(input.routerModel).toBeNull()
    expect(servingDraftOf({ ...input, routerModel: null } as never).routerModel).toBe('')
  })

  it('gives a loaded section back unchanged when nothing is edited', () => {
    const draft = servingDraftOf(loaded)
    expect(draft).toMatchObject({ enabled: true, experts: 2, rate: '', routing: 'table', hasTable: true })
    expect(draft.keptTraffic).toBe('bursty arrivals (MMPP) at 1 and 5 req/s')
    const input = servingInputOf(draft, loaded)
    expect(input).toEqual(loaded)
    expect(input!.traffic).not.toBe(loaded.traffic) // a plain copy, safe to send over IPC
  })

  it('replaces the kept traffic and table only when the user picks other ones', () => {
    const input = servingInputOf({ ...servingDraftOf(loaded), rate: 3, routing: 'uniform' }, loaded)
    expect(input).toEqual({ ...loaded, traffic: { kind: 'poisson', rate: 3 }, routing: { kind: 'uniform' } })
  })

  it('sends an emptied number as NaN, for the API to name the field', () => {
    const draft = { ...defaultServingDraft(), enabled: true, experts: '' as const, rate: '' as const }
    const input = servingInputOf(draft, undefined)!
    expect(input.experts).toBeNaN()
    expect(input.traffic).toEqual({ kind: 'poisson', rate: Number.NaN })
  })
})
