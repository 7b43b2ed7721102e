// @vitest-environment happy-dom
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ScenarioDto } from '../../../../contract/api'
import { createFakeApi } from '../fakeApi'
import { scenario } from '../fixtures'
import { sweepSummary } from '../sweepFixtures'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))

const { default: SweepsView } = await import('../../../../renderer/src/views/SweepsView.vue')

const saved: ScenarioDto = {
  id: 1,
  name: 'serving',
  hash: 'h1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  scenario,
}

let harness: ReturnType<typeof createFakeApi>
const mountView = () =>
  mount(SweepsView, { global: { plugins: [createPinia()], stubs: { RouterLink: RouterLinkStub } } })

describe('SweepsView', () => {
  beforeEach(() => {
    harness = createFakeApi()
    fake.current = harness.api
    harness.api.scenariosList.mockResolvedValue([saved])
  })

  it('says what to do with no sweeps and no saved scenarios', async () => {
    harness.api.scenariosList.mockResolvedValue([])
    const wrapper = mountView()
    await flushPromises()
    expect(wrapper.get('[data-testid="sweeps-empty"]').text()).toContain('No sweeps yet')
    expect(wrapper.get('[data-testid="sweep-no-scenarios"]').text()).toContain('save one under Scenarios')
  })

  it('moves a sweep’s progress bar with each update event, and cancels it', async () => {
    harness.api.sweepsList.mockResolvedValue([sweepSummary(4, { points: 12, done: 3 })])
    const wrapper = mountView()
    await flushPromises()
    expect(wrapper.get('[data-testid="sweep-done-4"]').text()).toBe('3/12')
    expect(wrapper.get('[data-testid="sweep-progress-4"]').attributes('aria-valuenow')).toBe('25')

    harness.emitSweepUpdated(sweepSummary(4, { points: 12, done: 9 }))
    await flushPromises()
    expect(wrapper.get('[data-testid="sweep-done-4"]').text()).toBe('9/12')
    expect(wrapper.get('[data-testid="sweep-progress-4"]').attributes('aria-valuenow')).toBe('75')

    harness.api.sweepsCancel.mockResolvedValue(sweepSummary(4, { status: 'cancelled', points: 12, done: 9 }))
    await wrapper.get('[data-testid="sweep-cancel-4"]').trigger('click')
    await flushPromises()
    expect(harness.api.sweepsCancel).toHaveBeenCalledWith({ sweepId: 4 })
    expect(wrapper.get('[data-testid="sweep-status-4"]').text()).toBe('cancelled')
    expect(wrapper.find('[data-testid="sweep-resume-4"]').exists()).toBe(true)
  })

  it('starts a sweep from the form and links to it; an API error shows beside the form', async () => {
    const wrapper = mountView()
    await flushPromises()
    harness.api.sweepsStart.mockRejectedValueOnce(new Error('axes[0].path: serving is not in the scenario'))
    await wrapper.get('[data-testid="sweep-form"]').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="sweep-form-error"]').text()).toContain('axes[0].path')

    harness.api.sweepsStart.mockResolvedValueOnce(sweepSummary(7, { status: 'queued', points: 5 }))
    await wrapper.get('[data-testid="sweep-form"]').trigger('submit')
    await flushPromises()
    expect(harness.api.sweepsStart).toHaveBeenLastCalledWith({
      scenario,
      axes: [{ path: 'serving.experts', values: [10, 32, 100, 316, 1000] }],
      seeds: 1,
    })
    expect(wrapper.get('[data-testid="sweep-started"]').text()).toContain('Sweep #7 started (5 points)')
    expect(wrapper.find('[data-testid="sweep-row-7"]').exists()).toBe(true)
  })

  it('shows a failed list with a retry', async () => {
    harness.api.sweepsList.mockRejectedValueOnce(new Error('database is locked'))
    const wrapper = mountView()
    await flushPromises()
    expect(wrapper.get('[data-testid="sweeps-error"]').text()).toContain('database is locked')
    await wrapper.get('[data-testid="sweeps-error"] button').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="sweeps-empty"]').exists()).toBe(true)
  })
})
