// @vitest-environment happy-dom
import 'vitest-canvas-mock'
import { flushPromises, mount } from '@vue/test-utils'
import { Chart } from 'chart.js'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { createFakeApi } from '../fakeApi'
import { detail, okSystem, operator, outOfMemorySystem, phase } from '../fixtures'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))

const { default: RunDetailView } = await import('../../../../renderer/src/views/RunDetailView.vue')

const sn40l = {
  ...okSystem('sn40l-node', 'SN40L node', 0.0125, 0.5),
  mode: 'fusedHO',
  // 2e12 FLOP over 1e9 B: 2000 FLOP/B at 2e12 / 2e-3 = 1e15 FLOP/s
  prefill: phase(0.0125, { compute: 0.01, launch: 0.0025 }, [operator('qkv', 2e12, 1e9, 2e-3)], 96),
  // 2e9 FLOP over 1e9 B: 2 FLOP/B at 2e9 / 1e-3 = 2e12 FLOP/s
  decode: phase(0.5, { memory: 0.4375, launch: 0.0625 }, [operator('qkv', 2e9, 1e9, 1e-3)], 1216),
}

function chartIn(wrapper: ReturnType<typeof mount>, testId: string): Chart | undefined {
  const canvas = wrapper.get(`[data-testid="${testId}"]`).get('canvas').element as HTMLCanvasElement
  return Chart.getChart(canvas)
}

describe('RunDetailView', () => {
  beforeEach(() => {
    const harness = createFakeApi()
    harness.api.runsGet.mockResolvedValue(detail(1, [sn40l, outOfMemorySystem('dgx-a100', 'DGX A100')]))
    fake.current = harness.api
  })
  afterEach(() => vi.restoreAllMocks())

  it('draws the time breakdown and the roofline of a finished run, and toggles the roofline phase', async () => {
    const errors = vi.spyOn(console, 'error')
    const wrapper = mount(RunDetailView, {
      props: { id: 1 },
      global: { plugins: [createPinia()] },
      attachTo: document.body,
    })
    await flushPromises()
    await nextTick()

    const breakdown = chartIn(wrapper, 'breakdown-chart')
    expect(breakdown?.data.labels).toEqual(['SN40L node', 'DGX A100 (out of memory)'])
    expect(breakdown?.data.datasets.map((dataset) => [dataset.label, dataset.data])).toEqual([
      ['Compute', [0.01, 0]],
      ['Memory', [0.4375, 0]],
      ['Launch overhead', [0.065, 0]], // 0.0025 + 0.0625
    ])

    const roofline = chartIn(wrapper, 'roofline-chart')
    expect(roofline?.data.datasets.map((dataset) => dataset.label)).toEqual(['SN40L node', 'SN40L node roof'])
    expect(roofline?.data.datasets[0]!.data).toEqual([{ x: 2, y: 2e12, operator: 'qkv' }])
    expect((roofline?.options.scales?.x as { type: string }).type).toBe('logarithmic')

    await wrapper.get('[data-testid="roofline-phase"]').setValue('prefill')
    await nextTick()
    expect(chartIn(wrapper, 'roofline-chart')?.data.datasets[0]!.data).toEqual([{ x: 2000, y: 1e15, operator: 'qkv' }])

    const row = wrapper.get('[data-testid="metrics-row-sn40l-node"]').text()
    expect(row).toContain('fused HO')
    expect(row).toContain('96 / 1,216')
    expect(errors).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
