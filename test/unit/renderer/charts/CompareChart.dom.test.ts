// @vitest-environment happy-dom
import 'vitest-canvas-mock'
import { mount } from '@vue/test-utils'
import { Chart } from 'chart.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import CompareChart from '../../../../renderer/src/charts/CompareChart.vue'
import { detail, okSystem } from '../fixtures'

describe('CompareChart', () => {
  afterEach(() => vi.restoreAllMocks())

  it('draws one dataset per run on a canvas, without errors', async () => {
    const errors = vi.spyOn(console, 'error')
    const runs = [
      detail(1, [okSystem('dgx-h100', 'DGX H100', 0.25, 0.5)]),
      detail(2, [okSystem('dgx-h100', 'DGX H100', 0.5, 1)]),
    ]
    const wrapper = mount(CompareChart, { props: { runs }, attachTo: document.body })
    await nextTick()
    const chart = Chart.getChart(wrapper.get('canvas').element as HTMLCanvasElement)
    expect(chart?.data.labels).toEqual(['DGX H100'])
    // totals: 0.25 + 0.5 = 0.75 s and 0.5 + 1 = 1.5 s (binary fractions, so exact)
    expect(chart?.data.datasets.map((dataset) => dataset.data)).toEqual([[0.75], [1.5]])
    expect(errors).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
