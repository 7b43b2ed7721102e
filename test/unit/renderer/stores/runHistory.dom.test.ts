// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeApi } from '../fakeApi'
import { page, summary } from '../fixtures'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))

const { LIVE_REFETCH_MS, useRunHistoryStore } = await import('../../../../renderer/src/stores/runHistory')

describe('run history store', () => {
  let harness: ReturnType<typeof createFakeApi>

  beforeEach(() => {
    harness = createFakeApi()
    fake.current = harness.api
    setActivePinia(createPinia())
  })
  afterEach(() => vi.useRealTimers())

  it('loads one page and the total', async () => {
    harness.api.runsList.mockResolvedValueOnce(page([summary(3), summary(2)], 1234))
    const store = useRunHistoryStore()
    await store.load({ limit: 50, offset: 0, tag: 'paper' })
    expect(store.runs.map((run) => run.id)).toEqual([3, 2])
    expect(store.total).toBe(1234)
    expect(harness.api.runsList).toHaveBeenCalledWith({ limit: 50, offset: 0, tag: 'paper' })
  })

  it('keeps the newest query when an older answer arrives late', async () => {
    let answerOld: (value: ReturnType<typeof page>) => void = () => {}
    harness.api.runsList
      .mockImplementationOnce(() => new Promise((resolve) => (answerOld = resolve)))
      .mockResolvedValueOnce(page([summary(9)]))
    const store = useRunHistoryStore()
    const old = store.load({ tag: 'old' })
    await store.load({ tag: 'new' })
    answerOld(page([summary(1)]))
    await old
    expect(store.runs.map((run) => run.id)).toEqual([9])
    expect(store.loading).toBe(false)
  })

  it('shows the API error', async () => {
    harness.api.runsList.mockRejectedValueOnce(new Error('limit: too big'))
    const store = useRunHistoryStore()
    await store.load({})
    expect(store.error).toBe('limit: too big')
  })

  it('patches a row from an event at once and refetches the page at most once a second', async () => {
    vi.useFakeTimers()
    harness.api.runsList.mockResolvedValue(page([summary(2), summary(1)]))
    const store = useRunHistoryStore()
    await store.load({ limit: 50 })
    harness.emitRunUpdated(summary(1, { status: 'running', progress: 0.5 }))
    harness.emitRunUpdated(summary(1, { status: 'running', progress: 0.6 }))
    harness.emitRunUpdated(summary(5)) // not on the page: the refetch brings it
    expect(store.runs[1]).toMatchObject({ id: 1, progress: 0.6 })
    expect(harness.api.runsList).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(LIVE_REFETCH_MS)
    expect(harness.api.runsList).toHaveBeenCalledTimes(2)
    expect(harness.api.runsList).toHaveBeenLastCalledWith({ limit: 50 })
  })

  it('does not fetch on events before any page was asked for', async () => {
    vi.useFakeTimers()
    useRunHistoryStore()
    harness.emitRunUpdated(summary(5))
    await vi.advanceTimersByTimeAsync(LIVE_REFETCH_MS * 2)
    expect(harness.api.runsList).not.toHaveBeenCalled()
  })

  it('sends the whole tag set, shows the answer and reloads the tag counts', async () => {
    harness.api.runsList.mockResolvedValue(page([summary(1)]))
    harness.api.runsUpdate.mockResolvedValueOnce(summary(1, { tags: ['a', 'b'] }))
    harness.api.tagsList.mockResolvedValue([
      { tag: 'a', runs: 4 },
      { tag: 'b', runs: 1 },
    ])
    const store = useRunHistoryStore()
    await store.load({})
    await store.update({ runId: 1, tags: ['a', 'b'] })
    await vi.waitFor(() => expect(store.tags).toHaveLength(2))
    expect(harness.api.runsUpdate).toHaveBeenCalledWith({ runId: 1, tags: ['a', 'b'] })
    expect(store.runs[0]!.tags).toEqual(['a', 'b'])
  })

  it('deletes, then restores, refetching the page each time', async () => {
    harness.api.runsList
      .mockResolvedValueOnce(page([summary(2), summary(1)]))
      .mockResolvedValueOnce(page([summary(1)]))
      .mockResolvedValueOnce(page([summary(2), summary(1)]))
    const store = useRunHistoryStore()
    await store.load({})
    expect(await store.remove([2])).toEqual([2])
    expect(store.runs.map((run) => run.id)).toEqual([1])
    expect(await store.restore([2])).toEqual([2])
    expect(store.runs.map((run) => run.id)).toEqual([2, 1])
    expect(harness.api.runsDelete).toHaveBeenCalledWith({ runIds: [2] })
    expect(harness.api.runsRestore).toHaveBeenCalledWith({ runIds: [2] })
  })

  it('imports a parsed bundle and shows the imported runs', async () => {
    harness.api.runsImport.mockResolvedValueOnce({ imported: [{ bundleIndex: 0, runId: 8 }], duplicates: [] })
    harness.api.runsList.mockResolvedValueOnce(page([])).mockResolvedValueOnce(page([summary(8)]))
    const store = useRunHistoryStore()
    await store.load({})
    const bundle = { format: 'memwall-run-bundle', runs: [] }
    expect((await store.importBundle(bundle)).imported).toEqual([{ bundleIndex: 0, runId: 8 }])
    expect(harness.api.runsImport).toHaveBeenCalledWith({ bundle })
    expect(store.runs.map((run) => run.id)).toEqual([8])
  })
})
