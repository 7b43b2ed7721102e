// @vitest-environment happy-dom
import { mount, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { SYSTEM_PRESETS } from '../../../../main/sim/hardware/presets'
import { SystemSpecSchema } from '../../../../main/sim/hardware/schema'
import type { PresetsDto, ScenarioInput } from '../../../../contract/api'
import ScenarioForm from '../../../../renderer/src/components/ScenarioForm.vue'
import { scenario } from '../fixtures'

// The real presets, so a clone can be checked against the real schema.
const systems = [SYSTEM_PRESETS['sn40l-node'], SYSTEM_PRESETS['dgx-h100']] as PresetsDto['systems']
const models = [{ id: 'llama2-7b', name: 'Llama 2 7B', parameters: 6.738e9 }] as unknown as PresetsDto['models']

type Submitted = { scenario: ScenarioInput }

const mountForm = (error: string | null = null) =>
  mount(ScenarioForm, { props: { systems, models, loaded: null, error, busy: false } })
const input = (wrapper: VueWrapper, testId: string) => wrapper.get(`[data-testid="${testId}"]`)
const shown = (wrapper: VueWrapper, testId: string) => (input(wrapper, testId).element as HTMLInputElement).value

async function submitted(wrapper: VueWrapper): Promise<ScenarioInput> {
  await wrapper.get('form').trigger('submit')
  const emitted = wrapper.emitted('submit')!
  return (emitted[emitted.length - 1] as [Submitted])[0].scenario
}

async function clone(wrapper: VueWrapper, presetId: string): Promise<void> {
  await input(wrapper, 'custom-preset').setValue(presetId)
  await input(wrapper, 'custom-clone').trigger('click')
}

describe('ScenarioForm custom systems', () => {
  it('clones a preset with its full spec under a free id, ticks it, and sends it valid', async () => {
    const wrapper = mountForm()
    await clone(wrapper, 'dgx-h100')
    const sent = await submitted(wrapper)
    expect(sent.systems).toContain('my-dgx-h100')
    const custom = sent.customSystems![0]!
    const preset = SYSTEM_PRESETS['dgx-h100']
    expect(custom).toEqual({ ...preset, id: 'my-dgx-h100', name: `My ${preset.name}` })
    expect(SystemSpecSchema.safeParse(custom).success).toBe(true)

    await clone(wrapper, 'dgx-h100')
    expect((await submitted(wrapper)).customSystems!.map((system) => system.id)).toEqual([
      'my-dgx-h100',
      'my-dgx-h100-2',
    ])
  })

  it('has an input for every field of the spec, quantities with their source', async () => {
    const wrapper = mountForm()
    await clone(wrapper, 'sn40l-node')
    const editor = wrapper.get('[data-testid="custom-editor-0"]')
    // 3 top-level texts, chip 1 text + 7 quantities (attention efficiency among them: the SN40L's
    // stack sets it), chipCount, capacity tier 1 text + 3 quantities, interconnect 2 quantities and
    // an enum, execution 1 boolean + 2 enums + 7 quantities: 20 quantities (value and source: 40
    // inputs) + 5 texts + 1 checkbox, and 4 optional quantities the SN40L leaves out (3 precision
    // peaks, chipsPerHostLink), a value input each and no source: 50 inputs.
    expect(editor.findAll('input').length).toBe(50)
    // family, defaultStack, collectiveAlgorithm, kernelLaunch, footprintPlacement
    expect(editor.findAll('select').length).toBe(5)
    expect(editor.text()).toContain('Peak FLOP/s (TFLOP/s)')
    expect(editor.text()).toContain('HBM bandwidth (GB/s)')
    expect(editor.text()).toContain('Collective latency (µs)')
    expect(editor.text()).toContain('Kernel ramp (µs)')
  })

  it("edits a chip's peak per precision: an absent one is an empty field, clearing one removes it", async () => {
    const wrapper = mountForm()
    await clone(wrapper, 'sn40l-node')
    const editor = wrapper.get('[data-testid="custom-editor-0"]')
    expect(editor.text()).toContain('Precision peaks: FP8 (TFLOP/s)')
    // The SN40L has no FP8 figure: an empty field, no source to give, no error.
    expect(shown(wrapper, 'custom-0-chip-precisionPeaks-fp8')).toBe('')
    expect(wrapper.find('[data-testid="custom-0-chip-precisionPeaks-fp8-source"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="custom-0-chip-precisionPeaks-fp8-error"]').exists()).toBe(false)
    await input(wrapper, 'custom-0-chip-precisionPeaks-fp8').setValue('1000')
    await input(wrapper, 'custom-0-chip-precisionPeaks-fp8-source').setValue('my measurement')
    expect((await submitted(wrapper)).customSystems![0]!.chip.precisionPeaks).toEqual({
      fp8: { value: 1e15, source: 'my measurement' },
    })
    await input(wrapper, 'custom-0-chip-precisionPeaks-fp8').setValue('')
    expect(wrapper.find('[data-testid="custom-0-chip-precisionPeaks-fp8-source"]').exists()).toBe(false)
    expect((await submitted(wrapper)).customSystems![0]!.chip.precisionPeaks).toEqual({})
  })

  it('shows figures in their units and sends them back in SI', async () => {
    const wrapper = mountForm()
    await clone(wrapper, 'dgx-h100')
    const peak = SYSTEM_PRESETS['dgx-h100'].chip.peakFlops.value
    expect(Number(shown(wrapper, 'custom-0-chip-peakFlops'))).toBeCloseTo(peak / 1e12, 6)
    await input(wrapper, 'custom-0-chip-peakFlops').setValue('500')
    await input(wrapper, 'custom-0-chip-hbmBandwidth').setValue('2000')
    await input(wrapper, 'custom-0-execution-kernelLaunch').setValue('sync')
    const custom = (await submitted(wrapper)).customSystems![0]!
    expect(custom.chip.peakFlops.value).toBe(5e14) // 500 TFLOP/s × 1e12
    expect(custom.chip.hbmBandwidth.value).toBe(2e12) // 2000 GB/s × 1e9
    expect(custom.execution.kernelLaunch).toBe('sync')
  })

  it('flags an invalid value beside its field, naming it, until it is valid again', async () => {
    const wrapper = mountForm()
    await clone(wrapper, 'dgx-h100')
    await input(wrapper, 'custom-0-chip-computeEfficiency').setValue('1.5')
    expect(input(wrapper, 'custom-0-chip-computeEfficiency-error').text()).toBe(
      'Compute efficiency: Too big: expected number to be <=1',
    )
    expect(input(wrapper, 'custom-0-chip-computeEfficiency').attributes('aria-invalid')).toBe('true')
    await input(wrapper, 'custom-0-id').setValue('Not An Id')
    expect(input(wrapper, 'custom-0-id-error').text()).toContain('lower-case letters, digits and dashes')
    await input(wrapper, 'custom-0-chip-computeEfficiency').setValue('0.5')
    expect(wrapper.find('[data-testid="custom-0-chip-computeEfficiency-error"]').exists()).toBe(false)
  })

  it("puts the API's message for a custom system's field beside that field", () => {
    const wrapper = mount(ScenarioForm, {
      props: {
        systems,
        models,
        loaded: { ...scenario, systems: ['my-box'], customSystems: [{ ...SYSTEM_PRESETS['dgx-h100'], id: 'my-box' }] },
        error: 'scenario.customSystems.0.chip.hbmBytes.value: Too small: expected number to be >0',
        issues: [
          {
            path: ['scenario', 'customSystems', 0, 'chip', 'hbmBytes', 'value'],
            message: 'Too small: expected number to be >0',
          },
        ],
        busy: false,
      },
    })
    expect(input(wrapper, 'custom-0-chip-hbmBytes-error').text()).toBe('HBM bytes: Too small: expected number to be >0')
  })

  it('renames the ticked system with its id, and removing it unticks it', async () => {
    const wrapper = mountForm()
    await clone(wrapper, 'dgx-h100')
    await input(wrapper, 'custom-0-id').setValue('my-box')
    expect((await submitted(wrapper)).systems).toContain('my-box')
    await input(wrapper, 'custom-remove-0').trigger('click')
    const sent = await submitted(wrapper)
    expect(sent.systems).not.toContain('my-box')
    expect(sent.customSystems).toBeUndefined()
  })
})
