// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { ScenarioDto } from '../../../../contract/api'
import SweepForm from '../../../../renderer/src/components/SweepForm.vue'
import { scenario } from '../fixtures'

const saved = (id: number, name: string): ScenarioDto => ({
  id,
  name,
  hash: `h${id}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  scenario: { ...scenario, name },
})

function mountForm() {
  return mount(SweepForm, { props: { scenarios: [saved(2, 'newest'), saved(1, 'older')], busy: false, error: null } })
}

describe('SweepForm', () => {
  it('starts on the newest scenario with expert counts as a log range, and offers each system’s figures', () => {
    const wrapper = mountForm()
    expect((wrapper.get('[data-testid="sweep-scenario-select"]').element as HTMLSelectElement).value).toBe('2')
    // 10..1000:x5 on an integer field: 10, 32, 100, 316, 1000
    expect(wrapper.get('[data-testid="sweep-axis-0-preview"]').text()).toBe('10, 32, 100, 316, 1000 (5 values)')
    const paths = wrapper
      .findAll('[data-testid="sweep-axis-0-path"] option')
      .map((option) => option.attributes('value'))
    expect(paths).toContain('serving.cachePolicy')
    expect(paths).toContain('systemOverrides.dgx-h100.memoryEfficiency')
    expect(wrapper.get('[data-testid="sweep-grid-size"]').text()).toContain('5 points × 1 seed')
  })

  it('sends two axes, seeds and a label; the grid size is the product of the axes', async () => {
    const wrapper = mountForm()
    await wrapper.get('[data-testid="sweep-add-axis"]').trigger('click')
    expect((wrapper.get('[data-testid="sweep-axis-1-path"]').element as HTMLSelectElement).value).toBe('workload.batch')
    await wrapper.get('[data-testid="sweep-axis-1-values"]').setValue('1,2,4')
    await wrapper.get('[data-testid="sweep-seeds"]').setValue('3')
    await wrapper.get('[data-testid="sweep-label"]').setValue('experts × batch')
    // 5 × 3 = 15 points
    expect(wrapper.get('[data-testid="sweep-grid-size"]').text()).toContain('15 points × 3 seeds')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('submit')![0]![0]).toEqual({
      scenario: { ...scenario, name: 'newest' },
      axes: [
        { path: 'serving.experts', values: [10, 32, 100, 316, 1000] },
        { path: 'workload.batch', values: [1, 2, 4] },
      ],
      seeds: 3,
      label: 'experts × batch',
    })
  })

  it('explains bad values and keeps Start disabled; an enumerated field starts from its words', async () => {
    const wrapper = mountForm()
    await wrapper.get('[data-testid="sweep-axis-0-values"]').setValue('1..')
    expect(wrapper.get('[data-testid="sweep-axis-0-preview"]').text()).toContain('start..stop:step')
    expect(wrapper.get('[data-testid="sweep-start"]').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-testid="sweep-axis-0-path"]').setValue('serving.cachePolicy')
    // The typed text was not the old field's example, so it stays
    expect((wrapper.get('[data-testid="sweep-axis-0-values"]').element as HTMLInputElement).value).toBe('1..')
    await wrapper.get('[data-testid="sweep-axis-0-values"]').setValue('')
    await wrapper.get('[data-testid="sweep-axis-0-path"]').setValue('serving.routing.exponent')
    await wrapper.get('[data-testid="sweep-axis-0-path"]').setValue('serving.cachePolicy')
    expect(wrapper.get('[data-testid="sweep-axis-0-preview"]').text()).toBe('lru, lfu, pinned, belady (4 values)')
    expect(wrapper.get('[data-testid="sweep-start"]').attributes('disabled')).toBeUndefined()
  })

  it('takes a typed path', async () => {
    const wrapper = mountForm()
    await wrapper.get('[data-testid="sweep-axis-0-path"]').setValue('__other')
    await wrapper.get('[data-testid="sweep-axis-0-custom"]').setValue('serving.fairnessSeconds')
    await wrapper.get('[data-testid="sweep-axis-0-values"]').setValue('0.5,1,2')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('submit')![0]![0]).toMatchObject({
      axes: [{ path: 'serving.fairnessSeconds', values: [0.5, 1, 2] }],
    })
  })
})
