// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeApi } from '../fakeApi'
import { runPageRow, validationReport } from '../validationFixtures'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))

const { useShippedValidationStore } = await import('../../../../renderer/src/stores/shippedValidation')

describe('shipped validation store', () => {
  let harness: ReturnType<typeof createFakeApi>

  beforeEach(() => {
    harness = createFakeApi()
    fake.current = harness.api
    setActivePinia(createPinia())
  })

  it('fetches the shipped set once, however many pages ask at the same time', async () => {
    const report = validationReport([runPageRow({ id: 'a' })])
    harness.api.validationRun.mockResolvedValue(report)
    const store = useShippedValidationStore()
    await Promise.all([store.load(), store.load()])
    await store.load()
    expect(harness.api.validationRun).toHaveBeenCalledTimes(1)
    expect(harness.api.validationRun).toHaveBeenCalledWith({})
    expect(store.report).toStrictEqual(report)
    expect(store.loading).toBe(false)
  })

  it('keeps a failure as a message and retries on the next call', async () => {
    harness.api.validationRun.mockRejectedValueOnce(new Error('worker crashed'))
    const store = useShippedValidationStore()
    await store.load()
    expect(store.error).toBe('worker crashed')
    expect(store.report).toBeNull()
    harness.api.validationRun.mockResolvedValueOnce(validationReport([]))
    await store.load()
    expect(store.error).toBeNull()
    expect(store.report?.rows).toEqual([])
  })

  it('treats an answer without rows as a failure, not a report', async () => {
    harness.api.validationRun.mockResolvedValue(undefined as never)
    const store = useShippedValidationStore()
    await store.load()
    expect(store.report).toBeNull()
    expect(store.error).toBe('no validation report came back')
  })
})
