import { describe, expect, it } from 'vitest'
import { defaultDraft, useScenarioDraft } from '../../../../renderer/src/composables/useScenarioDraft'

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

describe('useScenarioDraft custom systems', () => {
  const presets = { systems: ['sn40l-node'].map(system), models }

  it('sends customSystems only when there are some, as plain copies', () => {
    const { toInput, addCustomSystem, removeCustomSystem } = useScenarioDraft(defaultDraft(presets))
    expect('customSystems' in toInput()).toBe(false)
    const custom = { id: 'my-box', name: 'My box', chip: { hbmBandwidth: { value: 8e12, source: 'what if' } } }
    addCustomSystem(custom as never)
    const input = toInput()
    expect(input.systems).toEqual(['sn40l-node', 'my-box'])
    expect(input.customSystems).toEqual([custom])
    expect(input.customSystems![0]).not.toBe(custom)
    expect(structuredClone(input)).toEqual(input) // crosses IPC: no reactive proxies left
    removeCustomSystem('my-box')
    expect(toInput().systems).toEqual(['sn40l-node'])
    expect('customSystems' in toInput()).toBe(false)
  })
})
