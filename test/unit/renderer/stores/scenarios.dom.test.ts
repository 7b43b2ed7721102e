// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ScenarioDto } from '../../../../contract/api'
import { createFakeApi } from '../fakeApi'
import { scenario } from '../fixtures'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))

const { copyName, useScenariosStore } = await import('../../../../renderer/src/stores/scenarios')

const dto = (id: number, name: string, updatedAt: string): ScenarioDto => ({
  id,
  name,
  hash: `h${id}`,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt,
  scenario: { ...scenario, name },
})

let harness: ReturnType<typeof createFakeApi>

describe('the scenarios store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    harness = createFakeApi()
    fake.current = harness.api
    harness.api.scenariosList.mockResolvedValue([
      dto(1, 'old', '2025-01-01T00:00:00.000Z'),
      dto(2, 'new', '2025-03-01T00:00:00.000Z'),
    ])
  })

  it('lists newest first and says when it has loaded', async () => {
    const store = useScenariosStore()
    expect(store.loaded).toBe(false)
    await store.refresh()
    expect(store.items.map((item) => item.name)).toEqual(['new', 'old'])
    expect(store.loaded).toBe(true)
  })

  it('duplicates as "<name> (copy)" without an id, so the API saves a new one', async () => {
    const store = useScenariosStore()
    await store.refresh()
    harness.api.scenariosSave.mockResolvedValue(dto(3, 'old (copy)', '2025-04-01T00:00:00.000Z'))
    const copy = await store.duplicate(store.items[1]!)
    expect(harness.api.scenariosSave).toHaveBeenCalledWith({ scenario: { ...scenario, name: 'old (copy)' } })
    expect(copy.id).toBe(3)
    expect(store.items.map((item) => item.id)).toEqual([3, 2, 1])
  })

  it('renames by saving the same id with the new name', async () => {
    const store = useScenariosStore()
    await store.refresh()
    harness.api.scenariosSave.mockResolvedValue(dto(1, 'renamed', '2025-05-01T00:00:00.000Z'))
    await store.rename(store.items[1]!, 'renamed')
    expect(harness.api.scenariosSave).toHaveBeenCalledWith({ id: 1, scenario: { ...scenario, name: 'renamed' } })
    expect(store.items.map((item) => item.name)).toEqual(['renamed', 'new'])
  })

  it('replaces an edited scenario by the new row the API answers with', async () => {
    const store = useScenariosStore()
    await store.refresh()
    harness.api.scenariosSave.mockResolvedValue(dto(9, 'old', '2025-06-01T00:00:00.000Z'))
    await store.save({ ...scenario, name: 'old', workload: { ...scenario.workload, batch: 2 } }, 1)
    expect(store.items.map((item) => item.id)).toEqual([9, 2])
  })

  it('deletes by id and drops it from the list; a failure leaves the list', async () => {
    const store = useScenariosStore()
    await store.refresh()
    await store.remove(2)
    expect(harness.api.scenariosDelete).toHaveBeenCalledWith({ id: 2 })
    expect(store.items.map((item) => item.id)).toEqual([1])
    harness.api.scenariosDelete.mockRejectedValueOnce(new Error('scenario 1 not found'))
    await expect(store.remove(1)).rejects.toThrow('not found')
    expect(store.items).toHaveLength(1)
  })

  it('keeps the error of a failed list', async () => {
    harness.api.scenariosList.mockRejectedValue(new Error('database is locked'))
    const store = useScenariosStore()
    await store.refresh()
    expect(store.error).toBe('database is locked')
  })
})

describe('copyName', () => {
  it.each([
    ['a', [], 'a (copy)'],
    ['a', ['a (copy)'], 'a (copy 2)'],
    ['a', ['a (copy)', 'a (copy 2)'], 'a (copy 3)'],
  ])('%s with %j taken → %s', (name, taken, expected) => expect(copyName(name, taken)).toBe(expected))
})
