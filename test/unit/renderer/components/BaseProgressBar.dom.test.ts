// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BaseProgressBar from '../../../../renderer/src/components/BaseProgressBar.vue'

describe('BaseProgressBar', () => {
  it.each([
    [0, '0'],
    [0.426, '43'], // 42.6 % rounds to 43
    [1, '100'],
    [1.7, '100'], // clamped
    [-0.2, '0'], // clamped
    [Number.NaN, '0'],
  ])('value %s → aria-valuenow %s', (value, percent) => {
    const wrapper = mount(BaseProgressBar, { props: { value } })
    const root = wrapper.get('[role="progressbar"]')
    expect(root.element).toBe(wrapper.element)
    expect(root.attributes('aria-valuenow')).toBe(percent)
    expect(root.attributes('aria-valuemin')).toBe('0')
    expect(root.attributes('aria-valuemax')).toBe('100')
    expect((wrapper.get('.fill').element as HTMLElement).style.width).toBe(`${percent}%`)
  })

  it('passes a data-testid through to its root and names itself', () => {
    const wrapper = mount(BaseProgressBar, {
      props: { value: 0.5, label: 'Run 3' },
      attrs: { 'data-testid': 'run-progress' },
    })
    expect(wrapper.attributes('data-testid')).toBe('run-progress')
    expect(wrapper.attributes('aria-label')).toBe('Run 3')
  })

  it('follows its value', async () => {
    const wrapper = mount(BaseProgressBar, { props: { value: 0.1 } })
    await wrapper.setProps({ value: 0.75 })
    expect(wrapper.attributes('aria-valuenow')).toBe('75')
  })
})
