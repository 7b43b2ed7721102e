// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import BaseChartFrame from '../../../../renderer/src/charts/BaseChartFrame.vue'

describe('BaseChartFrame', () => {
  it('captions its figure and puts the chart inside the test hook, at the given height (e2e reads the canvas there)', () => {
    const wrapper = mount(BaseChartFrame, {
      props: { caption: 'Time per system', testId: 'some-chart', height: 320 },
      slots: { default: () => h('canvas') },
    })
    expect(wrapper.element.tagName).toBe('FIGURE')
    expect(wrapper.get('figcaption').text()).toBe('Time per system')
    const box = wrapper.get('[data-testid="some-chart"]')
    expect(box.find('canvas').exists()).toBe(true)
    expect((box.element as HTMLElement).style.height).toBe('320px')
  })
})
