// @vitest-environment happy-dom
import 'vitest-canvas-mock'
import { flushPromises, mount } from '@vue/test-utils'
import { Chart } from 'chart.js'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PaperReport } from '../../../../contract/api'
import { createFakeApi } from '../fakeApi'
import { paperReportFixture } from '../fixtures'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))

const { default: PaperView } = await import('../../../../renderer/src/views/PaperView.vue')

let harness: ReturnType<typeof createFakeApi>

async function mountView() {
  const wrapper = mount(PaperView, { global: { plugins: [createPinia()] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('PaperView, the paper check', () => {
  beforeEach(() => {
    harness = createFakeApi()
    fake.current = harness.api
  })
  afterEach(() => {
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })

  it('shows each experiment with simulated, published and error, a chart each, and the assumptions', async () => {
    const errors = vi.spyOn(console, 'error')
    harness.api.paperReport.mockResolvedValue(paperReportFixture())
    const wrapper = await mountView()
    expect(harness.api.paperReport).toHaveBeenCalledWith({ hostLinkModel: 'paper' })
    const row = wrapper.get('[data-testid="paper-row-coe-b8-t20-dgx-h100"]')
    expect(row.findAll('td').map((cell) => cell.text())).toEqual([
      'batch 8, 20 tokens, 148 experts, vs DGX H100',
      '500 ms',
      '1.9 s',
      '3.8×',
      '1.5×',
      '3.7×',
      '+2.7%',
    ])
    const experiments = [
      'headlines',
      'coe',
      'current-gpu-stack',
      'switching',
      'footprint',
      'fusion',
      'monarch',
      'gpu-baseline',
      'llama31',
    ]
    for (const id of experiments)
      expect(wrapper.find(`[data-testid="paper-chart-${id}"] canvas`).exists(), id).toBe(true)
    expect(Object.keys(Chart.instances)).toHaveLength(experiments.length)
    // 40 / 31 − 1 = +29.0%: beyond 15%, flagged.
    expect(wrapper.get('[data-testid="paper-row-headlines-switching-dgx-a100"]').classes()).toContain('off')
    expect(
      wrapper.get('[data-testid="paper-row-headlines-switching-dgx-a100"] td.error-cell').element.textContent,
    ).toBe('+29.0%')
    expect(wrapper.get('[data-testid="paper-row-headlines-coe-dgx-h100"]').classes()).not.toContain('off')
    expect(wrapper.get('[data-testid="paper-assumptions"]').text()).toContain(
      'ASSUMPTION: [P Table III] publishes no batch size',
    )
    expect(wrapper.text()).toContain('simulator 9.9.9')
    expect(errors).not.toHaveBeenCalled()
  })

  it('asks again for the other host-link model, and keeps each report', async () => {
    harness.api.paperReport.mockImplementation(async ({ hostLinkModel }) => ({
      ...paperReportFixture(),
      hostLinkModel: hostLinkModel ?? 'paper',
    }))
    const wrapper = await mountView()
    await wrapper.get('[data-testid="paper-host-link-model"]').setValue('perGpuLinks')
    await flushPromises()
    expect(harness.api.paperReport).toHaveBeenLastCalledWith({ hostLinkModel: 'perGpuLinks' })
    expect(wrapper.get('[data-testid="paper-headlines"]').text()).toContain('perGpuLinks host links')
    await wrapper.get('[data-testid="paper-host-link-model"]').setValue('paper')
    await flushPromises()
    expect(harness.api.paperReport).toHaveBeenCalledTimes(2)
  })

  it('shows loading while the report is computed, then an error with a retry', async () => {
    let fail: (error: Error) => void = () => {}
    harness.api.paperReport.mockImplementationOnce(
      () => new Promise<PaperReport>((_resolve, reject) => (fail = reject)),
    )
    const wrapper = await mountView()
    expect(wrapper.get('[data-testid="paper-loading"]').text()).toContain("Running the paper's experiments")
    fail(new Error('worker died'))
    await flushPromises()
    expect(wrapper.find('[data-testid="paper-loading"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="paper-error"]').text()).toContain('worker died')

    harness.api.paperReport.mockResolvedValueOnce(paperReportFixture())
    await wrapper.get('[data-testid="paper-error"] button').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="paper-error"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="paper-coe"]').exists()).toBe(true)
  })
})
