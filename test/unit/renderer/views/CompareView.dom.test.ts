// @vitest-environment happy-dom
import 'vitest-canvas-mock'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { Chart } from 'chart.js'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { createFakeApi } from '../fakeApi'
import { detail, okSystem, scenario, summary } from '../fixtures'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))

const { default: CompareView } = await import('../../../../renderer/src/views/CompareView.vue')

// Run 1: batch 8, SN40L 0.5 s and H100 1 s. Run 2: batch 1, adds the A100; SN40L 0.25 s, H100 1 s, A100 2 s.
const run1 = detail(1, [okSystem('sn40l-node', 'SN40L', 0.1, 0.4), okSystem('dgx-h100', 'H100', 0.2, 0.8)], {
  systems: ['sn40l-node', 'dgx-h100'],
})
run1.scenario = { ...scenario, systems: ['sn40l-node', 'dgx-h100'] }
const run2 = detail(
  2,
  [
    okSystem('sn40l-node', 'SN40L', 0.05, 0.2),
    okSystem('dgx-h100', 'H100', 0.2, 0.8),
    okSystem('dgx-a100', 'A100', 0.5, 1.5),
  ],
  { systems: ['sn40l-node', 'dgx-h100', 'dgx-a100'] },
)
run2.scenario = {
  ...scenario,
  systems: ['sn40l-node', 'dgx-h100', 'dgx-a100'],
  workload: { ...scenario.workload, batch: 1 },
}

describe('CompareView', () => {
  let harness: ReturnType<typeof createFakeApi>
  beforeEach(() => {
    harness = createFakeApi()
    const { scenario: _s, result: _r, ...first } = run1
    const { scenario: _s2, result: _r2, ...second } = run2
    harness.api.runsList.mockResolvedValue({ runs: [second, first], total: 2 })
    harness.api.runsGet.mockImplementation(async ({ runId }) => (runId === 1 ? run1 : run2))
    fake.current = harness.api
  })
  afterEach(() => vi.restoreAllMocks())

  it('says what to do with fewer than two finished runs', async () => {
    harness.api.runsList.mockResolvedValue({ runs: [summary(5, { status: 'finished' })], total: 1 })
    const wrapper = mount(CompareView, { global: { plugins: [createPinia()], stubs: { RouterLink: RouterLinkStub } } })
    await flushPromises()
    expect(wrapper.get('[data-testid="compare-empty"]').text()).toContain('Comparing needs two finished runs')
    expect(wrapper.getComponent(RouterLinkStub).props('to')).toBe('/scenarios')
  })

  it('lists the scenario differences first, then the metric deltas, then the overlaid charts', async () => {
    const errors = vi.spyOn(console, 'error')
    const wrapper = mount(CompareView, {
      global: { plugins: [createPinia()], stubs: { RouterLink: RouterLinkStub } },
      attachTo: document.body,
    })
    await flushPromises()
    await wrapper.get('[data-testid="compare-select-1"]').setValue(true)
    await wrapper.get('[data-testid="compare-select-2"]').setValue(true)
    await flushPromises()
    await nextTick()

    expect((wrapper.get('[data-testid="baseline-run-select"]').element as HTMLSelectElement).value).toBe('1')
    const diff = wrapper.get('[data-testid="scenario-diff-2"]')
    expect(diff.findAll('li').map((li) => li.text())).toEqual(['systems: +dgx-a100', 'workload.batch: 8 → 1'])
    // SN40L total 0.5 s → 0.25 s: −250 ms, −50.0%, highlighted
    expect(wrapper.get('[data-testid="compare-delta-sn40l-node:totalSeconds-2"]').text()).toBe('−250 ms')
    const relative = wrapper.get('[data-testid="compare-relative-sn40l-node:totalSeconds-2"]')
    expect(relative.text()).toBe('−50.0%')
    expect(relative.classes()).toContain('highlight')
    const order = ['scenario-diff', 'compare-table', 'compare-speedup-chart'].map((id) =>
      wrapper.html().indexOf(`data-testid="${id}"`),
    )
    expect(order).toEqual([...order].sort((a, b) => a - b))

    const speedup = Chart.getChart(
      wrapper.get('[data-testid="compare-speedup-chart"] canvas').element as HTMLCanvasElement,
    )
    // over the SN40L: run 1 0.5/0.5 = 1, 0.5/1 = 0.5; run 2 0.25/0.25 = 1, 0.25/1 = 0.25, 0.25/2 = 0.125
    expect(speedup?.data.datasets.map((dataset) => dataset.data)).toEqual([
      [1, 0.5, null],
      [1, 0.25, 0.125],
    ])
    expect(wrapper.get('[data-testid="compare-footprint-missing"]').text()).toContain('no serving simulation')
    expect(wrapper.find('[data-testid="compare-footprint-chart"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="compare-switch-missing"]').text()).toContain('served no traffic')

    // Run 2 as the baseline: the deltas turn around.
    await wrapper.get('[data-testid="baseline-run-select"]').setValue('2')
    await nextTick()
    expect(wrapper.get('[data-testid="compare-relative-sn40l-node:totalSeconds-1"]').text()).toBe('+100.0%')
    expect(
      wrapper
        .get('[data-testid="scenario-diff-1"]')
        .findAll('li')
        .map((li) => li.text()),
    ).toEqual(['systems: −dgx-a100', 'workload.batch: 1 → 8'])
    expect(errors).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
