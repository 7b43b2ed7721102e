// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createFakeApi } from '../fakeApi'
import { page, summary } from '../fixtures'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))

const { default: App } = await import('../../../../renderer/src/App.vue')

const STARTED = '2026-01-01T10:00:00.000Z'
const at = (seconds: number) => new Date(Date.parse(STARTED) + seconds * 1000)
let harness: ReturnType<typeof createFakeApi>

async function mountShell() {
  const stub = { template: '<p>view</p>' }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: ['/scenarios', '/runs', '/runs/:id', '/compare', '/sweeps', '/paper'].map((path) => ({
      path,
      component: stub,
    })),
  })
  await router.push('/scenarios')
  const wrapper = mount(App, { global: { plugins: [createPinia(), router] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('the shell and its active-runs panel', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    vi.setSystemTime(at(1))
    harness = createFakeApi()
    harness.api.runsList.mockResolvedValue(
      page([
        summary(3, { status: 'finished', progress: 1 }),
        summary(2, { status: 'queued', createdAt: STARTED }),
        summary(1, { status: 'running', progress: 0, startedAt: STARTED, label: 'long serving' }),
      ]),
    )
    fake.current = harness.api
  })
  afterEach(() => {
    vi.useRealTimers()
    document.body.innerHTML = ''
  })

  it('links every view from the sidebar', async () => {
    const wrapper = await mountShell()
    const links = wrapper.findAll('nav a')
    expect(links.map((link) => [link.text(), link.attributes('href')])).toEqual([
      ['Scenarios', '/scenarios'],
      ['Runs', '/runs'],
      ['Compare', '/compare'],
      ['Sweeps', '/sweeps'],
      ['Paper check', '/paper'],
      ['Validation', '/validation'],
    ])
  })

  it('lists queued and running runs, with elapsed time and an estimate after two samples', async () => {
    const wrapper = await mountShell()
    expect(wrapper.find('[data-testid="active-run-3"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="active-run-1"]').text()).toContain('#1 long serving')
    // One sample (progress 0, seen at 0:01): estimating.
    expect(wrapper.get('[data-testid="active-run-timing-1"]').text()).toBe('0:01 · estimating…')
    expect(wrapper.get('[data-testid="active-run-timing-2"]').text()).toBe('queued 0:01')

    // At 0:05, 0.2 done: 0.2 in 4 s = 0.05/s; 0.8 left → 16 s.
    vi.setSystemTime(at(5))
    harness.emitRunUpdated(summary(1, { status: 'running', progress: 0.2, startedAt: STARTED, label: 'long serving' }))
    await flushPromises()
    expect(wrapper.get('[data-testid="active-run-timing-1"]').text()).toBe('0:05 · ~0:16 left')
    expect(wrapper.get('[data-testid="active-run-1"] [role="progressbar"]').attributes('aria-valuenow')).toBe('20')

    // The clock ticks every second: 3 s later, 13 s left.
    vi.advanceTimersByTime(3000)
    await flushPromises()
    expect(wrapper.get('[data-testid="active-run-timing-1"]').text()).toBe('0:08 · ~0:13 left')
  })

  it('cancels a run, which then leaves the panel with a link', async () => {
    harness.api.runsCancel.mockResolvedValue(summary(2, { status: 'cancelled' }))
    const wrapper = await mountShell()
    await wrapper.get('[data-testid="active-run-cancel-2"]').trigger('click')
    await flushPromises()
    expect(harness.api.runsCancel).toHaveBeenCalledWith({ runId: 2 })
    expect(wrapper.find('[data-testid="active-run-2"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="ended-run-link-2"]').text()).toBe('#2 cancelled: view result')
  })

  it('moves a finished run to a link to its result, until dismissed', async () => {
    const wrapper = await mountShell()
    harness.emitRunUpdated(summary(1, { status: 'finished', progress: 1, label: 'long serving' }))
    await flushPromises()
    expect(wrapper.find('[data-testid="active-run-1"]').exists()).toBe(false)
    const link = wrapper.get('[data-testid="ended-run-link-1"]')
    expect(link.text()).toBe('#1 finished: view result')
    expect(link.attributes('href')).toBe('/runs/1')
    await wrapper.get('[data-testid="ended-run-1"] button').trigger('click')
    expect(wrapper.find('[data-testid="ended-run-1"]').exists()).toBe(false)
  })

  it('says why a cancel failed', async () => {
    harness.api.runsCancel.mockRejectedValue(new Error('run 2 already finished'))
    const wrapper = await mountShell()
    await wrapper.get('[data-testid="active-run-cancel-2"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="active-runs"] [role="alert"]').text()).toBe(
      'Could not cancel run 2: run 2 already finished',
    )
  })

  it('shows what to do when nothing runs', async () => {
    harness.api.runsList.mockResolvedValue(page([]))
    const wrapper = await mountShell()
    expect(wrapper.get('[data-testid="active-runs-empty"]').text()).toBe('None running. Start one from Scenarios.')
  })
})
