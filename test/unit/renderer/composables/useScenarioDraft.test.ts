import { describe, expect, it } from 'vitest'
import { defaultDraft } from '../../../../renderer/src/composables/useScenarioDraft'

const system = (id: string) => ({ id }) as never
const models = [{ id: 'llama2-7b' }] as never

describe('defaultDraft', () => {
  it('ticks the paper’s three systems when the catalogue has them', () => {
    const presets = {
      systems: ['sn40l-node', 'dgx-a100', 'dgx-h100', 'dgx-h200', 'mi300x-platform'].map(system),
      models,
    }
    expect(defaultDraft(presets).systems).toEqual(['sn40l-node', 'dgx-h100', 'dgx-a100'])
  })

  it('ticks every system of a catalogue without them', () => {
    const presets = { systems: ['a', 'b'].map(system), models }
    expect(defaultDraft(presets).systems).toEqual(['a', 'b'])
  })
})
