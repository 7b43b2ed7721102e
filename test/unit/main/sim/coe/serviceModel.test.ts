import { describe, expect, it } from 'vitest'
import { resolveSpec } from '../../../../../main/sim/assumptions'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import { MODEL_PRESETS } from '../../../../../main/sim/models/presets'
import { createServiceModel } from '../../../../../main/sim/coe/serviceModel'

const sn40l = resolveSpec(SYSTEM_PRESETS['sn40l-node'], {
  assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' },
})
const model = MODEL_PRESETS['llama2-7b']

describe('createServiceModel memo', () => {
  it('answers a repeated (batch, prompt) as the first time, across row growth and the long-prompt map', () => {
    const memoised = createServiceModel(sn40l, model, model, 2)
    const asked: [number, number][] = [
      [1, 100],
      [1, 5000], // grows batch 1's row
      [4, 100],
      [1, 70_000], // beyond the rows
      [4, 70_000],
    ]
    const first = asked.map(([b, p]) => memoised.prefillSeconds(b, p))
    const again = asked.map(([b, p]) => memoised.prefillSeconds(b, p))
    expect(again).toEqual(first)
    // each pair is its own pass: a fresh model (nothing memoised) gives the same numbers
    const fresh = asked.map(([b, p]) => createServiceModel(sn40l, model, model, 2).prefillSeconds(b, p))
    expect(first).toEqual(fresh)
    // and longer prompts or bigger batches take longer
    expect(first[1]!).toBeGreaterThan(first[0]!)
    expect(first[3]!).toBeGreaterThan(first[1]!)
    expect(first[2]!).toBeGreaterThan(first[0]!)
  })
})
