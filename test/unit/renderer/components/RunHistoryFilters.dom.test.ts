// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import RunHistoryFilters from '../../../../renderer/src/components/RunHistoryFilters.vue'
import { DEFAULT_FILTERS, SEARCH_DEBOUNCE_MS } from '../../../../renderer/src/viewModels/runQuery'

function mountFilters() {
  return mount(RunHistoryFilters, {
    props: {
      filters: { ...DEFAULT_FILTERS, tag: 'gone' },
      models: [{ id: 'llama2-7b', name: 'Llama 2 7B' }],
      systems: [{ id: 'dgx-h100', name: 'DGX H100' }],
      tags: [{ tag: 'paper', runs: 3 }],
    },
  })
}

describe('RunHistoryFilters', () => {
  afterEach(() => vi.useRealTimers())

  it('fills its selects from the catalogue and the tags in use, keeping a tag from the route', () => {
    const wrapper = mountFilters()
    const options = (testId: string) =>
      wrapper.findAll(`[data-testid="${testId}"] option`).map((option) => option.text())
    expect(options('filter-model')).toEqual(['any', 'Llama 2 7B'])
    expect(options('filter-system')).toEqual(['any', 'DGX H100'])
    expect(options('filter-tag')).toEqual(['any', 'paper (3)', 'gone'])
    expect(options('filter-status')).toContain('finished')
  })

  it('labels every control', () => {
    const wrapper = mountFilters()
    for (const control of wrapper.findAll('input, select')) expect(control.element.closest('label')).not.toBeNull()
  })

  it.each([
    ['filter-status', 'failed', { status: 'failed' }],
    ['filter-model', 'llama2-7b', { model: 'llama2-7b' }],
    ['filter-system', 'dgx-h100', { system: 'dgx-h100' }],
    ['filter-tag', 'paper', { tag: 'paper' }],
    ['filter-from', '2024-03-01', { from: '2024-03-01' }],
    ['filter-to', '2024-03-31', { to: '2024-03-31' }],
  ])('reports a change of %s', async (testId, value, patch) => {
    const wrapper = mountFilters()
    const control = wrapper.get(`[data-testid="${testId}"]`)
    ;(control.element as HTMLInputElement).value = value
    await control.trigger('change')
    expect(wrapper.emitted('change')).toEqual([[patch]])
  })

  it('reports the starred toggle', async () => {
    const wrapper = mountFilters()
    await wrapper.get('[data-testid="filter-starred"]').setValue(true)
    expect(wrapper.emitted('change')).toEqual([[{ starred: true }]])
  })

  it('searches once typing pauses for 250 ms', async () => {
    vi.useFakeTimers()
    const wrapper = mountFilters()
    const search = wrapper.get('[data-testid="filter-text"]')
    await search.setValue('war')
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1)
    await search.setValue('warm')
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1)
    expect(wrapper.emitted('change')).toBeUndefined()
    vi.advanceTimersByTime(1)
    expect(wrapper.emitted('change')).toEqual([[{ text: 'warm' }]])
  })
})
