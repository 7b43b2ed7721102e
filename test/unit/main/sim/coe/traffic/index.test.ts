import { describe, expect, it } from 'vitest'
import * as traffic from '../../../../../../main/sim/coe/traffic'

describe('traffic index', () => {
  it('re-exports every entry point', () => {
    expect(Object.keys(traffic).sort()).toEqual([
      'createArrivalClock',
      'createLengthSampler',
      'createRouter',
      'rankByPopularity',
    ])
  })
})
