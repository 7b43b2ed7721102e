// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createFakeApi } from '../fakeApi'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))
fake.current = createFakeApi().api

const { createAppRouter } = await import('../../../../renderer/src/router')

describe('the sweeps routes', () => {
  it('open the list at /sweeps and one sweep, by number, at /sweeps/:id', async () => {
    const router = createAppRouter(createMemoryHistory(), undefined)
    await router.push('/sweeps')
    expect(router.currentRoute.value.name).toBe('sweeps')
    await router.push('/sweeps/12')
    expect(router.currentRoute.value.name).toBe('sweep')
    const record = router.currentRoute.value.matched[0]!
    const props = record.props.default as (route: unknown) => unknown
    expect(props(router.currentRoute.value)).toEqual({ id: 12 })
  })
})
