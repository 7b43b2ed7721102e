// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeApi } from '../fakeApi'
import { detail, okSystem, page, summary } from '../fixtures'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))

const { useRunsStore } = await import('../../../../renderer/src/stores/runs')

describe('runs store', () => {
  let harness: ReturnType<typeof createFakeApi>

  beforeEach(() => {
    harness = createFakeApi()
    fake.current = harness.api
    setActivePinia(createPinia())
  })

  it('loads the newest 200 runs from runsList', async () => {
    harness.api.runsList.mockResolvedValueOnce(page([summary(2), summary(1)]))
    const store = useRunsStore()
    await store.refresh()
    expect(store.runs.map((run) => run.id)).toEqual([2, 1])
    expect(harness.api.runsList).toHaveBeenCalledWith({ limit: 200 })
  })

  it('replaces a row by id when onRunUpdated reports new progress', async () => {
    harness.api.runsList.mockResolvedValueOnce(page([summary(2), summary(1)]))
    const store = useRunsStore()
    await store.refresh()
    harness.emitRunUpdated(summary(1, { status: 'running', progress: 0.4 }))
    expect(store.runs).toHaveLength(2)
    expect(store.byId(1)).toMatchObject({ status: 'running', progress: 0.4 })
  })

  it('inserts an unknown run from an event, newest first', () => {
    const store = useRunsStore()
    harness.emitRunUpdated(summary(3))
    harness.emitRunUpdated(summary(5))
    harness.emitRunUpdated(summary(4))
    expect(store.runs.map((run) => run.id)).toEqual([5, 4, 3])
  })

  it('does not let a late live status overwrite a final one', () => {
    const store = useRunsStore()
    harness.emitRunUpdated(summary(1, { status: 'finished', progress: 1 }))
    harness.emitRunUpdated(summary(1, { status: 'running', progress: 0.9 }))
    expect(store.byId(1)?.status).toBe('finished')
  })

  it('caches details and drops a cached detail when the run reaches a final status', async () => {
    harness.api.runsGet.mockResolvedValueOnce(detail(1, null, { status: 'running', progress: 0.5 }))
    const store = useRunsStore()
    await store.fetchDetail(1)
    await store.fetchDetail(1)
    expect(harness.api.runsGet).toHaveBeenCalledTimes(1)
    expect(store.details.has(1)).toBe(true)

    harness.emitRunUpdated(summary(1, { status: 'finished', progress: 1 }))
    expect(store.details.has(1)).toBe(false)

    harness.api.runsGet.mockResolvedValueOnce(detail(1, [okSystem('sn40l-node', 'SN40L', 0.1, 0.2)]))
    const fresh = await store.fetchDetail(1)
    expect(harness.api.runsGet).toHaveBeenCalledTimes(2)
    expect(fresh.result?.systems[0]?.metrics?.totalSeconds).toBeCloseTo(0.3, 12)
  })

  it('starts a run with its label and lists it', async () => {
    harness.api.runsStart.mockResolvedValueOnce(summary(7))
    const store = useRunsStore()
    const run = await store.start({ name: 'x', systems: ['sn40l-node'], workload: {} as never }, 'note')
    expect(run.id).toBe(7)
    expect(harness.api.runsStart.mock.calls[0]![0]).toMatchObject({ label: 'note' })
    expect(store.runs.map((row) => row.id)).toEqual([7])
  })

  it('asks for a sweep only when more than one seed is wanted', async () => {
    harness.api.runsStart.mockResolvedValue(summary(8))
    const store = useRunsStore()
    const scenario = { name: 'x', systems: ['sn40l-node'], workload: {} as never }
    await store.start(scenario, undefined, 4)
    await store.start(scenario)
    expect(harness.api.runsStart.mock.calls[0]![0]).toEqual({ scenario, seeds: 4 })
    expect(harness.api.runsStart.mock.calls[1]![0]).toEqual({ scenario })
  })

  it('subscribes to onRunUpdated once per store', () => {
    useRunsStore()
    useRunsStore()
    expect(harness.listenerCount()).toBe(1)
  })
})

describe('runs store: annotations', () => {
  let harness: ReturnType<typeof createFakeApi>

  beforeEach(() => {
    harness = createFakeApi()
    fake.current = harness.api
    setActivePinia(createPinia())
  })

  it('saves a label, notes or tags and shows the answer in the list and the cached detail', async () => {
    harness.api.runsList.mockResolvedValueOnce(page([summary(1, { status: 'finished' })]))
    harness.api.runsGet.mockResolvedValueOnce(detail(1, [okSystem('sn40l-node', 'SN40L', 0.1, 0.2)]))
    harness.api.runsUpdate.mockResolvedValueOnce(
      summary(1, { status: 'finished', progress: 1, label: 'warm', notes: 'n', tags: ['x'] }),
    )
    const store = useRunsStore()
    await store.refresh()
    await store.fetchDetail(1)
    await store.update({ runId: 1, label: 'warm', notes: 'n', tags: ['x'] })
    expect(harness.api.runsUpdate).toHaveBeenCalledWith({ runId: 1, label: 'warm', notes: 'n', tags: ['x'] })
    expect(store.byId(1)).toMatchObject({ label: 'warm', notes: 'n', tags: ['x'] })
    expect(store.details.get(1)).toMatchObject({ label: 'warm', tags: ['x'] })
    expect(store.details.get(1)?.result).not.toBeNull()
  })
})
