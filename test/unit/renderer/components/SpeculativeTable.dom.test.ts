// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import SpeculativeTable from '../../../../renderer/src/components/SpeculativeTable.vue'
import { okSystem } from '../fixtures'
import { speculativeSystem } from '../../contract/speculativeFixtures'

describe('SpeculativeTable', () => {
  it('shows the draft’s and the target’s share of time per speculative system', () => {
    const wrapper = mount(SpeculativeTable, {
      props: { systems: [speculativeSystem('dgx-h100', 'DGX H100'), okSystem('dgx-a100', 'DGX A100', 1, 2)] },
    })
    const rows = wrapper.findAll('tbody tr')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.find('th').text()).toBe('DGX H100')
    expect(rows[0]!.findAll('td').map((td) => td.text())).toEqual([
      'llama3.1-8b',
      'k = 4, α = 0.8',
      '3.36',
      '38',
      '1.000 s',
      '3.000 s',
      '25.0%',
      '75.0%',
    ])
  })

  it('shows nothing for a run without speculative decoding', () => {
    const wrapper = mount(SpeculativeTable, { props: { systems: [okSystem('dgx-a100', 'DGX A100', 1, 2)] } })
    expect(wrapper.find('table').exists()).toBe(false)
  })
})
