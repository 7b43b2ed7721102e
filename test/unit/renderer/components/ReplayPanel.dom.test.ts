// @vitest-environment happy-dom
import { mount, RouterLinkStub } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { ReplayReportDto } from '../../../../contract/api'
import ReplayPanel from '../../../../renderer/src/components/ReplayPanel.vue'
import { okSystem, runResult } from '../fixtures'

function report(overrides: Partial<ReplayReportDto> = {}): ReplayReportDto {
  const result = runResult([okSystem('sn40l-node', 'SN40L', 0.1, 0.2)])
  return {
    runId: 3,
    reproduced: true,
    original: { simulatorVersion: '0.1.0', scenarioHash: 'abc', seed: 1 },
    replay: { simulatorVersion: '0.1.0', scenarioHash: 'abc', seed: 1 },
    causes: [],
    changes: [],
    changeCount: 0,
    keptRunId: null,
    originalResult: result,
    replayResult: result,
    ...overrides,
  }
}

const mountPanel = (props: { report: ReplayReportDto; keeping?: boolean }) =>
  mount(ReplayPanel, { props: { keeping: false, ...props }, global: { stubs: { RouterLink: RouterLinkStub } } })

describe('ReplayPanel', () => {
  it('says "Reproduced" and lists no changes for an identical replay', () => {
    const wrapper = mountPanel({ report: report() })
    expect(wrapper.get('[data-testid="replay-verdict"]').text()).toBe('Reproduced')
    expect(wrapper.find('[data-testid="replay-changes"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('simulator 0.1.0 · seed 1')
  })

  it('shows the causes and each change side by side', () => {
    const wrapper = mountPanel({
      report: report({
        reproduced: false,
        replay: { simulatorVersion: '0.2.0', scenarioHash: 'abc', seed: 1 },
        causes: [{ kind: 'simulatorVersion', detail: 'simulator 0.1.0 → 0.2.0' }],
        changes: [
          { path: 'systems[sn40l-node].decode.seconds', original: 0.2, replay: 0.25, relativeChange: 0.25 },
          { path: 'systems[sn40l-node].status', original: 'ok', replay: 'outOfMemory', relativeChange: null },
        ],
        changeCount: 501,
      }),
    })
    expect(wrapper.get('[data-testid="replay-verdict"]').text()).toBe('Differs: 501 metrics changed')
    expect(wrapper.get('[data-testid="replay-causes"]').text()).toBe('simulator 0.1.0 → 0.2.0')
    expect(wrapper.text()).toContain('simulator 0.1.0 → 0.2.0 · seed 1')
    const rows = wrapper
      .findAll('[data-testid="replay-changes"] tbody tr')
      .map((row) => row.findAll('th, td').map((cell) => cell.text()))
    // (0.25 − 0.2) / 0.2 = +25%
    expect(rows).toEqual([
      ['systems[sn40l-node].decode.seconds', '0.2', '0.25', '+25%'],
      ['systems[sn40l-node].status', 'ok', 'outOfMemory', '—'],
    ])
    expect(wrapper.get('[data-testid="replay-changes"] caption').text()).toContain('the 2 largest of 501')
  })

  it('offers to keep the replay, then links to the kept run', async () => {
    const wrapper = mountPanel({ report: report() })
    await wrapper.get('[data-testid="replay-keep"]').trigger('click')
    expect(wrapper.emitted('keep')).toHaveLength(1)

    await wrapper.setProps({ report: report({ keptRunId: 12 }) })
    expect(wrapper.find('[data-testid="replay-keep"]').exists()).toBe(false)
    expect(wrapper.getComponent(RouterLinkStub).props('to')).toBe('/runs/12')
    expect(wrapper.get('[data-testid="replay-kept"]').text()).toBe('Kept as run #12')
  })
})
