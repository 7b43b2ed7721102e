// @vitest-environment happy-dom
import 'vitest-canvas-mock'
import { mount } from '@vue/test-utils'
import { Chart } from 'chart.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { reactive, nextTick } from 'vue'
import TimePerSystemChart from '../../../../renderer/src/charts/TimePerSystemChart.vue'
import { okSystem, outOfMemorySystem, runResult } from '../fixtures'

describe('TimePerSystemChart', () => {
  afterEach(() => vi.restoreAllMocks())

  it('renders a canvas without errors', async () => {
    const errors = vi.spyOn(console, 'error')
    const result = runResult([
      okSystem('sn40l-node', 'SN40L node', 0.01, 0.2),
      outOfMemorySystem('dgx-a100', 'DGX A100'),
    ])
    const wrapper = mount(TimePerSystemChart, { props: { result }, attachTo: document.body })
    await nextTick()
    const canvas = wrapper.get('canvas').element as HTMLCanvasElement
    const chart = Chart.getChart(canvas)
    expect(chart?.data.labels).toEqual(['SN40L node', 'DGX A100 (out of memory)'])
    expect(chart?.data.datasets.map((dataset) => dataset.data)).toEqual([
      [0.01, 0],
      [0.2, 0],
    ])
    expect(errors).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('redraws from a reactive result when a system is added, without errors', async () => {
    const errors = vi.spyOn(console, 'error')
    const result = reactive(runResult([okSystem('sn40l-node', 'SN40L node', 0.01, 0.2)]))
    const wrapper = mount(TimePerSystemChart, { props: { result }, attachTo: document.body })
    await nextTick()
    result.systems.push(okSystem('dgx-h100', 'DGX H100', 0.02, 0.4))
    await nextTick()
    await nextTick()
    const chart = Chart.getChart(wrapper.get('canvas').element as HTMLCanvasElement)
    expect(chart?.data.labels).toEqual(['SN40L node', 'DGX H100'])
    expect(errors).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
