// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import SeedSpreadTable from '../../../../renderer/src/components/SeedSpreadTable.vue'

const spread = (p50: number) => ({ p5: p50 * 0.9, p50, p95: p50 * 1.1 })

describe('SeedSpreadTable', () => {
  it('shows each metric’s P5, median and P95 for every system', () => {
    const metrics = {
      servingLatencyP50: spread(0.2),
      servingLatencyP99: spread(1),
      servingTtftP50: spread(0.01),
      servingRequestsPerSecond: spread(1.5),
      servingHitRate: spread(0.7),
      servingSwitchShare: spread(0.1),
      servingUtilisation: spread(0.3),
    }
    const wrapper = mount(SeedSpreadTable, {
      props: { spread: { seeds: [7, 8, 9], systems: [{ systemId: 'sn40l-node', metrics }] } },
    })
    expect(wrapper.text()).toContain('Spread over 3 seeds (7…9)')
    const cells = wrapper
      .findAll('tbody tr')[0]!
      .findAll('td')
      .map((td) => td.text())
    // latency p50: P5 0.2 * 0.9 = 0.18, median 0.2, P95 0.2 * 1.1 = 0.22
    expect(cells).toEqual(['sn40l-node', 'Serving latency p50 (s)', '0.180', '0.200', '0.220'])
    expect(wrapper.findAll('tbody tr')).toHaveLength(7)
  })
})
