import { describe, expect, it } from 'vitest'
import { switchTimes } from '../../../../../renderer/src/charts/mappers/switchTime'
import { outOfMemoryServing, servingSystem } from '../../servingFixtures'

describe('switchTimes', () => {
  it('divides switching seconds by switches, per system', () => {
    const serving = [
      servingSystem('sn40l-node', 'SN40L', { switching: { count: 100, seconds: 1.4, shareOfBusy: 0.1 } }),
      servingSystem('dgx-h100', 'H100', { switching: { count: 0, seconds: 0, shareOfBusy: 0 } }),
      outOfMemoryServing('dgx-a100', 'A100'),
    ]
    const times = switchTimes({ serving })
    expect(times[0]!.seconds).toBeCloseTo(0.014, 15) // 1.4 s / 100 switches
    expect(times.slice(1).map((time) => [time.seconds, time.reason])).toEqual([
      [null, 'switched no expert'],
      [null, expect.stringContaining('out of memory')],
    ])
  })

  it('has nothing for a run without serving', () => {
    expect(switchTimes({ serving: null })).toEqual([])
  })
})
