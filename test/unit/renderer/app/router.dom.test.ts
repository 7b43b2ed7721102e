// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { LAST_VIEW_KEY, type ViewStorage } from '../../../../renderer/src/viewModels/lastView'
import { createFakeApi } from '../fakeApi'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))
fake.current = createFakeApi().api

const { createAppRouter } = await import('../../../../renderer/src/router')

function memoryStorage(initial: Record<string, string> = {}): ViewStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial))
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) }
}

describe('the app router', () => {
  it('opens the scenarios at `/` the first time', async () => {
    const router = createAppRouter(createMemoryHistory(), memoryStorage())
    await router.push('/')
    expect(router.currentRoute.value.fullPath).toBe('/scenarios')
  })

  it('remembers each view it reaches and opens the last one at `/` after a restart', async () => {
    const storage = memoryStorage()
    const first = createAppRouter(createMemoryHistory(), storage)
    await first.push('/paper')
    await first.push('/runs?tag=paper')
    expect(storage.data.get(LAST_VIEW_KEY)).toBe('/runs?tag=paper')

    const second = createAppRouter(createMemoryHistory(), storage)
    await second.push('/')
    expect(second.currentRoute.value.fullPath).toBe('/runs?tag=paper')
  })

  it('has a paper check route', async () => {
    const router = createAppRouter(createMemoryHistory(), memoryStorage())
    await router.push('/paper')
    expect(router.currentRoute.value.name).toBe('paper')
  })
})
