// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import CompareMetricsTable from '../../../../renderer/src/components/CompareMetricsTable.vue'
import type { CompareRow } from '../../../../renderer/src/viewModels/compareMetrics'

function row(index: number, base: number, other: number | null): CompareRow {
  const delta = other === null ? null : other - base
  const relative = delta === null ? null : delta / base
  return {
    key: `s:m${index}`,
    systemId: 's',
    systemName: 'SN40L',
    label: `Metric ${index}`,
    unit: 'seconds',
    how: 'prefill + decode',
    cells: [
      { runId: 1, value: base, delta: null, relative: null, highlight: false },
      { runId: 2, value: other, delta, relative, highlight: relative !== null && Math.abs(relative) >= 0.05 },
    ],
  }
}
const runs = [
  { id: 1, caption: '#1 a' },
  { id: 2, caption: '#2 b' },
]

describe('CompareMetricsTable', () => {
  it('shows value, delta and relative delta with units, highlighting changes of 5% or more', async () => {
    // 0.5 s → 0.52 s: +20 ms, +4.0% (quiet); 0.1 s → 0.12 s: +20 ms, +20.0% (highlighted)
    const rows = [row(0, 0.5, 0.52), row(1, 0.1, 0.12), row(2, 0.1, null)]
    const wrapper = mount(CompareMetricsTable, { props: { rows, runs, baselineRunId: 1 } })
    expect(wrapper.get('[data-testid="compare-value-s:m0-1"]').text()).toBe('500 ms')
    expect(wrapper.get('[data-testid="compare-value-s:m0-2"]').text()).toBe('520 ms')
    expect(wrapper.get('[data-testid="compare-delta-s:m0-2"]').text()).toBe('+20 ms')
    expect(wrapper.get('[data-testid="compare-relative-s:m0-2"]').text()).toBe('+4.0%')
    expect(wrapper.get('[data-testid="compare-relative-s:m0-2"]').classes()).not.toContain('highlight')
    expect(wrapper.get('[data-testid="compare-relative-s:m1-2"]').text()).toBe('+20.0%')
    expect(wrapper.get('[data-testid="compare-relative-s:m1-2"]').classes()).toContain('highlight')
    expect(wrapper.get('[data-testid="compare-value-s:m2-2"]').text()).toBe('—')
    expect(wrapper.find('[data-testid="compare-delta-s:m0-1"]').exists()).toBe(false) // the baseline has no delta
    expect(wrapper.get('[data-testid="compare-row-s:m0"] th').attributes('title')).toBe('prefill + decode')

    await wrapper.get('[data-testid="compare-only-changed"]').setValue(true)
    expect(wrapper.findAll('[data-testid^="compare-row-"]').map((tr) => tr.attributes('data-testid'))).toEqual([
      'compare-row-s:m1',
    ])
  })

  it('pages a table of more than 200 rows', async () => {
    const rows = Array.from({ length: 450 }, (_, index) => row(index, 1, 1))
    const wrapper = mount(CompareMetricsTable, { props: { rows, runs, baselineRunId: 1 } })
    expect(wrapper.findAll('[data-testid^="compare-row-"]')).toHaveLength(200)
    expect(wrapper.findAll('tr.group').map((tr) => tr.text())).toEqual(['SN40L'])
    expect(wrapper.get('[data-testid="compare-page-range"]').text()).toBe('rows 1–200 of 450')
    const [previous, next] = wrapper.get('[data-testid="compare-pager"]').findAll('button')
    expect(previous!.attributes('disabled')).toBeDefined()
    await next!.trigger('click')
    await next!.trigger('click')
    expect(wrapper.findAll('[data-testid^="compare-row-"]')).toHaveLength(50)
    expect(wrapper.get('[data-testid="compare-page-range"]').text()).toBe('rows 401–450 of 450')
    expect(next!.attributes('disabled')).toBeDefined()
  })
})
