// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeApi } from '../fakeApi'
import { scenario } from '../fixtures'
import { point, spread, sweepDetail, sweepSummary } from '../sweepFixtures'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))

const { canResumeSweep, useSweepsStore } = await import('../../../../renderer/src/stores/sweeps')

let harness: ReturnType<typeof createFakeApi>

describe('the sweeps store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    harness = createFakeApi()
    fake.current = harness.api
    harness.api.sweepsList.mockResolvedValue([sweepSummary(1, { status: 'finished', done: 3 }), sweepSummary(2)])
  })

  it('lists sweeps newest first and says when it has loaded', async () => {
    const store = useSweepsStore()
    expect(store.loaded).toBe(false)
    await store.refresh()
    expect(store.sweeps.map((sweep) => sweep.id)).toEqual([1, 2])
    expect(store.loaded).toBe(true)
    expect(harness.api.sweepsList).toHaveBeenCalledWith({ limit: 200 })
  })

  it('moves progress and status with each onSweepUpdated event, and adds sweeps started elsewhere', async () => {
    const store = useSweepsStore()
    await store.refresh()
    harness.emitSweepUpdated(sweepSummary(2, { done: 2 }))
    expect(store.byId(2)).toMatchObject({ status: 'running', done: 2 })
    harness.emitSweepUpdated(sweepSummary(2, { status: 'finished', done: 3 }))
    expect(store.byId(2)?.status).toBe('finished')
    harness.emitSweepUpdated(sweepSummary(7, { status: 'queued' }))
    expect(store.sweeps.map((sweep) => sweep.id)).toEqual([7, 2, 1])
  })

  it('ignores a progress event from before a cancel that arrives after it, until resumed', async () => {
    const store = useSweepsStore()
    await store.refresh()
    harness.api.sweepsCancel.mockResolvedValue(sweepSummary(2, { status: 'cancelled', done: 1 }))
    await store.cancel(2)
    harness.emitSweepUpdated(sweepSummary(2, { status: 'running', done: 1 }))
    expect(store.byId(2)?.status).toBe('cancelled')
    expect(canResumeSweep(store.byId(2)!)).toBe(true)

    harness.api.sweepsResume.mockResolvedValue(sweepSummary(2, { status: 'running', done: 1 }))
    await store.resume(2)
    expect(harness.api.sweepsResume).toHaveBeenCalledWith({ sweepId: 2 })
    harness.emitSweepUpdated(sweepSummary(2, { status: 'running', done: 2 }))
    expect(store.byId(2)).toMatchObject({ status: 'running', done: 2 })
  })

  it('starts a sweep with the form’s input and lists it at once', async () => {
    const store = useSweepsStore()
    const input = { scenario, axes: [{ path: 'workload.batch', values: [1, 2] }], seeds: 1 }
    harness.api.sweepsStart.mockResolvedValue(sweepSummary(9, { status: 'queued', points: 2 }))
    const started = await store.start(input)
    expect(harness.api.sweepsStart).toHaveBeenCalledWith(input)
    expect(started.id).toBe(9)
    expect(store.byId(9)?.points).toBe(2)
  })

  it('caches a detail until asked to fetch it again, and drops it with the sweep', async () => {
    const store = useSweepsStore()
    const detail = sweepDetail(sweepSummary(3, { status: 'finished', done: 1, points: 1 }), [
      point(0, [10], { 'sn40l-node': { totalSeconds: spread(1) } }),
    ])
    harness.api.sweepsGet.mockResolvedValue(detail)
    await store.fetchDetail(3)
    await store.fetchDetail(3)
    expect(harness.api.sweepsGet).toHaveBeenCalledTimes(1)
    expect(store.byId(3)?.status).toBe('finished')
    await store.fetchDetail(3, { force: true })
    expect(harness.api.sweepsGet).toHaveBeenCalledTimes(2)
    await store.remove(3)
    expect(harness.api.sweepsDelete).toHaveBeenCalledWith({ sweepId: 3 })
    expect(store.byId(3)).toBeUndefined()
    expect(store.details.has(3)).toBe(false)
  })

  it('keeps the error of a failed list', async () => {
    harness.api.sweepsList.mockRejectedValue(new Error('database is locked'))
    const store = useSweepsStore()
    await store.refresh()
    expect(store.error).toBe('database is locked')
  })
})

describe('canResumeSweep', () => {
  it.each([
    ['cancelled', 1, true],
    ['interrupted', 2, true],
    ['failed', 1, true],
    ['cancelled', 3, false], // every point done already
    ['finished', 3, false],
    ['running', 1, false],
  ] as const)('%s with %i of 3 done → %s', (status, done, expected) =>
    expect(canResumeSweep({ status, done, points: 3 })).toBe(expected),
  )
})
