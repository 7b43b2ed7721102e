// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ResultHeadlineCards from '../../../../renderer/src/components/ResultHeadlineCards.vue'
import { okSystem, runResult } from '../fixtures'

describe('ResultHeadlineCards', () => {
  it('shows a card per pair of systems with its factor, sentence and how it was computed', () => {
    // totals: SN40L 35 ms, DGX H100 129.5 ms: 3.70×
    const result = runResult([
      okSystem('sn40l-node', 'SN40L node', 0.0125, 0.0225),
      okSystem('dgx-h100', 'DGX H100', 0.05, 0.0795),
    ])
    const wrapper = mount(ResultHeadlineCards, { props: { result } })
    const card = wrapper.get('[data-testid="headline-speedup-sn40l-node-dgx-h100"]')
    expect(card.get('.value').text()).toBe('3.70×')
    expect(card.get('.text').text()).toBe('SN40L node is 3.70× faster than DGX H100')
    expect(card.attributes('title')).toContain('prefill + decode')
    expect(card.attributes('tabindex')).toBe('0')
    const described = wrapper.get(`#${card.attributes('aria-describedby')}`)
    expect(described.text()).toBe(card.attributes('title'))
    const notes = wrapper.get('[data-testid="headline-notes"]').text()
    expect(notes).toContain('No footprint ratio')
    expect(notes).toContain('No model-switch ratio')
  })
})
