// @vitest-environment happy-dom
import { mount, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { SYSTEM_PRESETS } from '../../../../main/sim/hardware/presets'
import { SystemSpecSchema } from '../../../../main/sim/hardware/schema'
import type { PresetsDto, Scenario, ScenarioInput, SystemSpec } from '../../../../preload/api'
import ScenarioForm from '../../../../renderer/src/components/ScenarioForm.vue'
import { scenario } from '../fixtures'

// The real presets, so "start from a preset" can be checked against the real schema.
const systems = [SYSTEM_PRESETS['sn40l-node'], SYSTEM_PRESETS['dgx-h100']] as PresetsDto['systems']
const models = [{ id: 'llama2-7b', name: 'Llama 2 7B', parameters: 6.738e9 }] as unknown as PresetsDto['models']

type Submitted = { scenario: ScenarioInput; label: string | undefined }

const mountForm = () => mount(ScenarioForm, { props: { systems, models, loaded: null, error: null, busy: false } })
const byTestId = (wrapper: VueWrapper, testId: string) => wrapper.find(`[data-testid="${testId}"]`)
const jsonOf = (wrapper: VueWrapper) => (byTestId(wrapper, 'custom-system-json').element as HTMLTextAreaElement).value
const optionValues = (wrapper: VueWrapper, testId: string) =>
  byTestId(wrapper, testId)
    .findAll('option')
    .map((option) => (option.element as HTMLOptionElement).value)

async function submitted(wrapper: VueWrapper): Promise<ScenarioInput> {
  await wrapper.get('form').trigger('submit')
  const emitted = wrapper.emitted('submit')!
  return (emitted[emitted.length - 1] as [Submitted])[0].scenario
}

async function addJson(wrapper: VueWrapper, json: string): Promise<void> {
  await wrapper.get('[data-testid="custom-system-json"]').setValue(json)
  await wrapper.get('[data-testid="custom-add"]').trigger('click')
}

async function addFromPreset(wrapper: VueWrapper, presetId: string, edit = (_system: SystemSpec) => {}) {
  await wrapper.get('[data-testid="custom-preset"]').setValue(presetId)
  await wrapper.get('[data-testid="custom-from-preset"]').trigger('click')
  const system = JSON.parse(jsonOf(wrapper)) as SystemSpec
  edit(system)
  await addJson(wrapper, JSON.stringify(system))
  return system
}

describe('ScenarioForm custom systems', () => {
  it('starts from a preset: its full JSON, pretty-printed, with a new id and name', async () => {
    const wrapper = mountForm()
    await wrapper.get('[data-testid="custom-preset"]').setValue('dgx-h100')
    await wrapper.get('[data-testid="custom-from-preset"]').trigger('click')
    const text = jsonOf(wrapper)
    const preset = SYSTEM_PRESETS['dgx-h100']
    const expected = { ...preset, id: 'my-dgx-h100', name: `My ${preset.name}` }
    expect(JSON.parse(text)).toEqual(expected)
    expect(text).toBe(JSON.stringify(expected, null, 2))
    expect(SystemSpecSchema.safeParse(JSON.parse(text)).success).toBe(true)
  })

  it('adds a system, ticks it, and sends it with its id among the systems', async () => {
    const wrapper = mountForm()
    const custom = await addFromPreset(wrapper, 'dgx-h100', (system) => {
      system.chip.hbmBandwidth = { value: 8e12, source: 'what if' }
    })
    expect(byTestId(wrapper, 'custom-error').exists()).toBe(false)
    expect(jsonOf(wrapper)).toBe('')
    expect(byTestId(wrapper, 'custom-item-my-dgx-h100').text()).toContain('My DGX H100')
    expect((byTestId(wrapper, 'system-my-dgx-h100').element as HTMLInputElement).checked).toBe(true)
    const input = await submitted(wrapper)
    expect(input.systems).toContain('my-dgx-h100')
    expect(input.customSystems).toEqual([custom])
    expect(input.customSystems![0]!.chip.hbmBandwidth.value).toBe(8e12)
  })

  it('offers fused modes to a custom system only when it has dataflow fusion', async () => {
    const wrapper = mountForm()
    await addFromPreset(wrapper, 'dgx-h100')
    await addFromPreset(wrapper, 'sn40l-node')
    await addFromPreset(wrapper, 'dgx-h100', (system) => {
      system.id = 'fused-gpu'
      system.execution.dataflowFusion = true
    })
    expect(optionValues(wrapper, 'mode-my-dgx-h100')).toEqual(['', 'unfused', 'kernelFused'])
    expect(optionValues(wrapper, 'mode-my-sn40l-node')).toEqual(['', 'unfused', 'kernelFused', 'fusedSO', 'fusedHO'])
    expect(optionValues(wrapper, 'mode-fused-gpu')).toHaveLength(5)
  })

  it('shows a system that has only an id, for the API to reject by field', async () => {
    const wrapper = mountForm()
    await addJson(wrapper, '{ "id": "bare" }')
    expect(byTestId(wrapper, 'system-bare').exists()).toBe(true)
    expect(optionValues(wrapper, 'mode-bare')).toEqual(['', 'unfused', 'kernelFused'])
    expect((await submitted(wrapper)).customSystems).toEqual([{ id: 'bare' }])
  })

  it.each([
    ['a syntax error', '{ "id": "x", }', /^Not valid JSON: /],
    ['no object', '[1, 2]', /JSON object/],
    ['no id', '{ "name": "x" }', /needs an "id"/],
    ['an id that is not a string', '{ "id": 7 }', /needs an "id"/],
    ['an id with capitals', '{ "id": "My-Box" }', /lower-case letters, digits and dashes/],
    ['a preset id', '{ "id": "dgx-h100" }', /"dgx-h100" is a preset's/],
  ])('reports %s inline and adds nothing', async (_case, json, message) => {
    const wrapper = mountForm()
    await addJson(wrapper, json)
    expect(byTestId(wrapper, 'custom-error').text()).toMatch(message)
    expect(jsonOf(wrapper)).toBe(json) // kept for the user to fix
    expect(wrapper.findAll('[data-testid^="custom-item-"]')).toHaveLength(0)
    const input = await submitted(wrapper)
    expect(input.customSystems).toBeUndefined()
    expect(input.systems).toEqual(['sn40l-node', 'dgx-h100'])
  })

  it('refuses an id already used by a custom system, and clears the error on the next good add', async () => {
    const wrapper = mountForm()
    await addFromPreset(wrapper, 'dgx-h100')
    await addFromPreset(wrapper, 'dgx-h100')
    expect(byTestId(wrapper, 'custom-error').text()).toMatch(/"my-dgx-h100" is already a custom system/)
    expect(wrapper.findAll('[data-testid^="custom-item-"]')).toHaveLength(1)
    await addJson(wrapper, '{ "id": "other" }')
    expect(byTestId(wrapper, 'custom-error').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid^="custom-item-"]')).toHaveLength(2)
  })

  it('removes a system: unticked, its overrides dropped, nothing custom sent', async () => {
    const wrapper = mountForm()
    await addFromPreset(wrapper, 'sn40l-node')
    await wrapper.get('[data-testid="mode-my-sn40l-node"]').setValue('fusedSO')
    expect((await submitted(wrapper)).systemOverrides).toEqual({ 'my-sn40l-node': { mode: 'fusedSO' } })
    await wrapper.get('[data-testid="custom-remove-my-sn40l-node"]').trigger('click')
    expect(byTestId(wrapper, 'system-my-sn40l-node').exists()).toBe(false)
    expect(byTestId(wrapper, 'custom-item-my-sn40l-node').exists()).toBe(false)
    const input = await submitted(wrapper)
    expect(input.systems).toEqual(['sn40l-node', 'dgx-h100'])
    expect(input.customSystems).toBeUndefined()
    expect(input.systemOverrides).toEqual({})
    // Added again, it starts without the old mode.
    await addFromPreset(wrapper, 'sn40l-node')
    expect((byTestId(wrapper, 'mode-my-sn40l-node').element as HTMLSelectElement).value).toBe('')
  })

  it('lists the custom systems of a loaded scenario, and removing one drops its loaded overrides', async () => {
    const custom = { ...SYSTEM_PRESETS['sn40l-node'], id: 'my-rdu', name: 'My RDU' }
    const wrapper = mountForm()
    await wrapper.setProps({
      loaded: {
        ...scenario,
        systems: ['sn40l-node', 'my-rdu'],
        customSystems: [custom],
        systemOverrides: { 'my-rdu': { mode: 'fusedSO', chips: 4 } },
      } as Scenario,
    })
    expect(byTestId(wrapper, 'custom-item-my-rdu').text()).toContain('My RDU')
    expect((await submitted(wrapper)).customSystems).toEqual([custom])
    await wrapper.get('[data-testid="custom-remove-my-rdu"]').trigger('click')
    const input = await submitted(wrapper)
    expect(input).toMatchObject({ systems: ['sn40l-node'], systemOverrides: {} })
    expect(input.customSystems).toBeUndefined()
  })
})
