import { describe, expect, it } from 'vitest'
import { headlineBasis, headlineLatencies } from '../../../../../renderer/src/charts/mappers/headlineLatency'
import { okSystem, outOfMemorySystem, runResult } from '../../fixtures'
import { latency, outOfMemoryServing, servingSystem } from '../../servingFixtures'

describe('headlineLatencies', () => {
  it('takes the total time (prefill + decode) of a run without serving', () => {
    const result = runResult([okSystem('sn40l-node', 'SN40L', 0.25, 0.5), outOfMemorySystem('dgx-a100', 'A100')])
    expect(headlineBasis(result).label).toBe('total time')
    expect(headlineLatencies(result)).toEqual([
      { systemId: 'sn40l-node', systemName: 'SN40L', seconds: 0.75, reason: null }, // 0.25 + 0.5
      { systemId: 'dgx-a100', systemName: 'A100', seconds: null, reason: expect.stringContaining('out of memory') },
    ])
  })

  it('takes the mean end-to-end latency of a serving run', () => {
    const result = {
      ...runResult([okSystem('sn40l-node', 'SN40L', 0.25, 0.5)]),
      serving: [
        // latency(p50 0.1, p90 0.3, …) has mean (0.1 + 0.3) / 2 = 0.2
        servingSystem('sn40l-node', 'SN40L', { e2e: latency(0.1, 0.3, 0.5, 1) }),
        servingSystem('dgx-h100', 'H100', {
          requests: { arrived: 5, completed: 0, dropped: 5, timedOut: 0, stillQueued: 0 },
        }),
        outOfMemoryServing('dgx-a100', 'A100'),
      ],
    }
    expect(headlineBasis(result).label).toBe('mean end-to-end latency')
    expect(headlineLatencies(result).map((system) => [system.systemId, system.seconds, system.reason])).toEqual([
      ['sn40l-node', 0.2, null],
      ['dgx-h100', null, 'no request completed'],
      ['dgx-a100', null, expect.stringContaining('out of memory')],
    ])
  })
})
