import { describe, expect, it } from 'vitest'
import type { PresetsDto, ScenarioInput } from '../../../../contract/api'
import {
  SPECULATIVE_FIELDS,
  defaultSpeculative,
  speculativeDraftOf,
  speculativeErrors,
  speculativeInputOf,
} from '../../../../renderer/src/viewModels/speculativeDraft'
import { scenario } from '../fixtures'

const models = [
  { id: 'llama2-7b', parameters: 6.738e9 },
  { id: 'mistral-7b', parameters: 7.24e9 },
  { id: 'llama3.1-8b', parameters: 8.03e9 },
  { id: 'llama3.1-70b', parameters: 70.6e9 },
  { id: 'bloom-176b', parameters: 176.2e9 },
] as unknown as PresetsDto['models']
const input = (workload: Partial<ScenarioInput['workload']>): ScenarioInput =>
  ({ ...scenario, workload: { ...scenario.workload, ...workload } }) as ScenarioInput

describe('speculativeDraft', () => {
  it('walks the section’s fields from the schema', () => {
    expect(SPECULATIVE_FIELDS.map(({ path, kind }) => [path, kind])).toEqual([
      ['draftModel', 'enum'],
      ['proposedTokens', 'number'],
      ['acceptanceRate', 'number'],
    ])
  })

  it('reads a loaded section, sends none when off, and leaves out an emptied field with a default', () => {
    expect(speculativeDraftOf(undefined)).toBeNull()
    expect(speculativeInputOf(null)).toBeUndefined()
    const loaded = { draftModel: 'llama3.1-8b', proposedTokens: 6, acceptanceRate: 0.8 } as const
    expect(speculativeInputOf(speculativeDraftOf(loaded))).toEqual(loaded)
    expect(speculativeInputOf({ ...loaded, proposedTokens: '' })).toEqual({
      draftModel: 'llama3.1-8b',
      acceptanceRate: 0.8,
    })
  })

  it('picks the largest smaller draft the schema accepts, else the smallest other model', () => {
    // llama2-70b would be smaller than llama3.1-70b but has another vocabulary: not offered here.
    expect(defaultSpeculative(input({ model: 'llama3.1-70b' }), models)).toEqual({
      draftModel: 'llama3.1-8b',
      proposedTokens: 4,
      acceptanceRate: 0.75,
    })
    // Nothing is smaller than llama2-7b: the smallest other, which the schema then refuses.
    const smallest = defaultSpeculative(input({ model: 'llama2-7b' }), models)
    expect(smallest.draftModel).toBe('mistral-7b')
    const errors = speculativeErrors(input({ model: 'llama2-7b', speculative: speculativeInputOf(smallest) }))
    expect(errors['workload.speculative.draftModel']).toContain('must be smaller than the target llama2-7b')
  })

  it('reports only the section’s issues', () => {
    const speculative = { draftModel: 'llama3.1-8b', acceptanceRate: 2 } as const
    const errors = speculativeErrors(input({ model: 'llama3.1-70b', batch: 0, speculative }))
    expect(Object.keys(errors)).toEqual(['workload.speculative.acceptanceRate'])
    expect(speculativeErrors(input({ model: 'llama3.1-70b', speculative: { draftModel: 'llama3.1-8b' } }))).toEqual({})
  })
})
