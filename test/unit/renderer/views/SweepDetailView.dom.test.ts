// @vitest-environment happy-dom
import 'vitest-canvas-mock'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SensitivityDto } from '../../../../contract/api'
import { createFakeApi } from '../fakeApi'
import { point, spread, sweepDetail, sweepSummary } from '../sweepFixtures'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))

const { default: SweepDetailView } = await import('../../../../renderer/src/views/SweepDetailView.vue')

let harness: ReturnType<typeof createFakeApi>
const mountView = (id: number) =>
  mount(SweepDetailView, {
    props: { id },
    global: { plugins: [createPinia()], stubs: { RouterLink: RouterLinkStub } },
    attachTo: document.body,
  })

const crossover = {
  metric: 'machinesForExperts' as const,
  path: 'serving.experts',
  at: null,
  kind: 'step' as const,
  x: 46,
  systems: ['dgx-h100'],
  description: 'dgx-h100 needs 2 machines above 46 experts (serving.experts)',
}

const lineSweep = sweepDetail(
  sweepSummary(1, { status: 'finished', done: 2, points: 2, axes: [{ path: 'serving.experts', values: [10, 100] }] }),
  [
    point(0, [10], { 'sn40l-node': { machinesForExperts: spread(1) }, 'dgx-h100': { machinesForExperts: spread(1) } }),
    point(1, [100], { 'sn40l-node': { machinesForExperts: spread(1) }, 'dgx-h100': { machinesForExperts: spread(2) } }),
  ],
  [crossover],
)

const axes = [
  { path: 'serving.experts', values: [10, 100] },
  { path: 'workload.batch', values: [1, 2] },
]
const gridSweep = sweepDetail(
  sweepSummary(2, { status: 'running', done: 3, points: 4, axes }),
  [0, 1, 2, 3].map((index) =>
    point(
      index,
      [axes[0]!.values[index >> 1]!, axes[1]!.values[index & 1]!],
      { 'sn40l-node': { totalSeconds: spread(index + 1) }, 'dgx-h100': { totalSeconds: spread(2 * (index + 1)) } },
      index === 3 ? 'pending' : 'done',
    ),
  ),
)

describe('SweepDetailView', () => {
  beforeEach(() => {
    harness = createFakeApi()
    fake.current = harness.api
    harness.api.presetsList.mockResolvedValue({ systems: [], models: [], simulatorVersion: '1', assumptions: [] })
    harness.api.sweepsGet.mockImplementation(async ({ sweepId }) => (sweepId === 1 ? lineSweep : gridSweep))
  })

  it('draws one field as a line chart on the crossover’s metric, and lists the crossover', async () => {
    const wrapper = mountView(1)
    await flushPromises()
    expect(wrapper.find('[data-testid="sweep-line-chart"] canvas').exists()).toBe(true)
    expect((wrapper.get('[data-testid="sweep-metric-select"]').element as HTMLSelectElement).value).toBe(
      'machinesForExperts',
    )
    expect(wrapper.get('[data-testid="sweep-crossover-0"]').text()).toContain('needs 2 machines above 46 experts')
    expect(wrapper.get('[data-testid="sweep-point-1"]').text()).toContain('100')
    wrapper.unmount()
  })

  it('draws two fields as heatmaps, refetches as points finish, and can cancel', async () => {
    const wrapper = mountView(2)
    await flushPromises()
    expect(wrapper.find('[data-testid="sweep-line-chart"]').exists()).toBe(false)
    // (100, 1) is index 2: the SN40L's 3 s
    expect(wrapper.get('[data-testid="sweep-cell-sn40l-node-2"]').text()).toBe('3 s')
    expect(wrapper.get('[data-testid="sweep-cell-sn40l-node-3"]').text()).toBe('…')
    expect(wrapper.get('[data-testid="sweep-crossovers-empty"]').text()).toContain('yet')

    vi.useFakeTimers()
    harness.emitSweepUpdated(sweepSummary(2, { status: 'finished', done: 4, points: 4, axes }))
    await vi.runAllTimersAsync()
    vi.useRealTimers()
    await flushPromises()
    expect(harness.api.sweepsGet).toHaveBeenCalledTimes(2)
    expect(wrapper.get('[data-testid="sweep-detail-done"]').text()).toBe('4/4 points')
    wrapper.unmount()
  })

  it('runs a sensitivity on the sweep’s scenario and shows the tornado and its table', async () => {
    const result: SensitivityDto = {
      metric: 'totalSeconds',
      system: 'sn40l-node',
      step: 0.2,
      baseline: 1,
      bars: [
        {
          path: 'systemOverrides.sn40l-node.memoryEfficiency',
          baseValue: 0.8,
          low: { value: 0.64, metric: 1.2 },
          high: { value: 0.96, metric: 0.9 },
          swing: 0.3,
        },
      ],
    }
    harness.api.sensitivityRun.mockResolvedValue(result)
    const wrapper = mountView(2)
    await flushPromises()
    expect(wrapper.find('[data-testid="sensitivity-empty"]').exists()).toBe(true)
    await wrapper.get('[data-testid="sensitivity-run"]').trigger('submit')
    await flushPromises()
    expect(harness.api.sensitivityRun).toHaveBeenCalledWith({
      scenario: gridSweep.scenario,
      metric: 'totalSeconds',
      system: 'sn40l-node',
      step: 0.2,
      requestId: expect.any(String),
    })
    expect(wrapper.find('[data-testid="sensitivity-tornado"] canvas').exists()).toBe(true)
    expect(wrapper.get('[data-testid="sensitivity-table"]').text()).toContain('+20.0%')
    wrapper.unmount()
  })

  it('cancels a running sensitivity by the request id it was started with', async () => {
    let reject!: (error: Error) => void
    harness.api.sensitivityRun.mockReturnValue(new Promise((_, fail) => (reject = fail)))
    harness.api.sensitivityCancel.mockImplementation(() => {
      reject(new Error('sensitivity: cancelled by the user'))
      return Promise.resolve({ cancelled: true })
    })
    const wrapper = mountView(2)
    await flushPromises()
    await wrapper.get('[data-testid="sensitivity-run"]').trigger('submit')
    await flushPromises()
    await wrapper.get('[data-testid="sensitivity-cancel"]').trigger('click')
    await flushPromises()
    const { requestId } = harness.api.sensitivityRun.mock.calls[0]![0]
    expect(harness.api.sensitivityCancel).toHaveBeenCalledWith({ requestId })
    expect(wrapper.find('[data-testid="sensitivity-cancel"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="sensitivity-error"]').text()).toContain('cancelled by the user')
    wrapper.unmount()
  })

  it('says when the sweep cannot be opened', async () => {
    harness.api.sweepsGet.mockRejectedValue(new Error('sweep 9 not found'))
    const wrapper = mountView(9)
    await flushPromises()
    expect(wrapper.get('[data-testid="sweep-error"]').text()).toContain('sweep 9 not found')
    wrapper.unmount()
  })
})
