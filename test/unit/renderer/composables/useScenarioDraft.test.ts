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

describe('useScenarioDraft stacks', () => {
  const presets = { systems: ['dgx-a100', 'dgx-h100'].map(system), models }
  const loaded = {
    name: 'stacked',
    systems: ['dgx-a100', 'dgx-h100'],
    workload: { model: 'llama2-7b', batch: 8, promptTokens: 1024, outputTokens: 128, precision: 'bf16' },
    assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' },
    systemOverrides: { 'dgx-a100': { stack: 'trtllm-2024', chips: 4 }, 'dgx-h100': { stack: 'ideal' } },
  } as never

  it('shows a loaded stack as the choice and sends it back unchanged', () => {
    const { draft, load, toInput } = useScenarioDraft(defaultDraft(presets))
    load(loaded)
    expect(draft.choices['dgx-a100']).toMatchObject({ stack: 'trtllm-2024', chips: 4, mode: '' })
    expect(toInput().systemOverrides).toEqual({
      'dgx-a100': { stack: 'trtllm-2024', chips: 4 },
      'dgx-h100': { stack: 'ideal' },
    })
  })

  it('writes a chosen stack, and the default removes the key, the loaded one included', () => {
    const { draft, load, toInput } = useScenarioDraft(defaultDraft(presets))
    load(loaded)
    draft.choices['dgx-a100']!.stack = ''
    draft.choices['dgx-h100']!.stack = 'trtllm-2024'
    expect(toInput().systemOverrides).toEqual({ 'dgx-a100': { chips: 4 }, 'dgx-h100': { stack: 'trtllm-2024' } })
    draft.choices['dgx-h100']!.stack = ''
    expect(toInput().systemOverrides).toEqual({ 'dgx-a100': { chips: 4 } })
  })

  it('starts every system on its default stack', () => {
    const { toInput } = useScenarioDraft(defaultDraft(presets))
    expect(toInput().systemOverrides).toEqual({})
  })
})
