import { describe, expect, it } from 'vitest'
import type { Store } from '../../../main/store'
import { describeIssues } from '../../../contract/validation'
import { RunQuerySchema, type RunQueryInput } from '../../../contract/api'
import { useFreshStore } from './fixtures/freshStore'
import { queueRun, storeScenario } from './fixtures/storeFixtures'

let store: Store
useFreshStore((fresh) => (store = fresh))

const labels = (query: RunQueryInput): (string | null)[] =>
  store.runs.page(RunQuerySchema.parse(query)).runs.map((run) => run.label)

describe('string filters of a run query are bounded before they reach SQL', () => {
  it.each(['label', 'system', 'model', 'text'] as const)(
    'a %s of 50,000 characters is refused, naming the field',
    (field) => {
      const parsed = RunQuerySchema.safeParse({ [field]: 'x'.repeat(50_000) })
      expect(parsed.success).toBe(false)
      expect(describeIssues(parsed.error!)).toMatch(new RegExp(`^${field}: .*200`))
    },
  )

  it('a tag longer than a tag may be is refused too', () => {
    expect(RunQuerySchema.safeParse({ tag: 'x'.repeat(50_000) }).success).toBe(false)
  })

  // 200 of LIKE's wildcards and escape character: every one doubled by the escape, still far
  // below SQLite's limit on a pattern, and each matching only itself.
  it.each([
    ['%', '%'.repeat(200)],
    ['_', '_'.repeat(200)],
    ['\\', '\\'.repeat(200)],
  ])('a label filter of 200 × %j finds only the label that contains it', (_char, pattern) => {
    queueRun(store, storeScenario('wild'), { label: `run ${pattern} end`, createdAt: '2024-01-01T00:00:00.000Z' })
    queueRun(store, storeScenario('tame'), {
      label: `run ${'x'.repeat(200)} end`,
      createdAt: '2024-01-02T00:00:00.000Z',
    })
    expect(labels({ label: pattern })).toEqual([`run ${pattern} end`])
    expect(labels({ text: pattern })).toEqual([`run ${pattern} end`])
    expect(labels({ system: pattern })).toEqual([])
    expect(labels({ model: pattern })).toEqual([])
  })

  it('a label filter of 200 four-byte characters works', () => {
    const pattern = '🚀'.repeat(100) // 200 UTF-16 units, 400 bytes of UTF-8
    queueRun(store, storeScenario('rockets'), { label: pattern })
    expect(labels({ label: pattern })).toEqual([pattern])
  })
})
