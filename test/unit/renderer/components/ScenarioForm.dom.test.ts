// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { PresetsDto, Scenario, ScenarioInput } from '../../../../contract/api'
import ScenarioForm from '../../../../renderer/src/components/ScenarioForm.vue'
import { formSystem as spec, formSystems as systems, scenario } from '../fixtures'

const models = [
  { id: 'llama2-7b', name: 'Llama 2 7B', parameters: 6.738e9 },
  { id: 'bloom-176b', name: 'BLOOM 176B', parameters: 176.2e9 },
] as unknown as PresetsDto['models']

const optionValues = (select: { findAll: (selector: string) => { element: Element }[] }) =>
  select.findAll('option').map((option) => (option.element as HTMLOptionElement).value)

function mountForm(props: Partial<InstanceType<typeof ScenarioForm>['$props']> = {}) {
  return mount(ScenarioForm, { props: { systems, models, loaded: null, error: null, busy: false, ...props } })
}

type Submitted = { scenario: ScenarioInput; label: string | undefined }

describe('ScenarioForm', () => {
  it('submits what the inputs say, as a ScenarioInput', async () => {
    const wrapper = mountForm()
    await wrapper.get('[data-testid="scenario-name"]').setValue('my test')
    await wrapper.get('[data-testid="system-dgx-a100"]').setValue(false)
    await wrapper.get('[data-testid="batch-input"]').setValue('16')
    await wrapper.get('[data-testid="prompt-tokens-input"]').setValue('512')
    await wrapper.get('[data-testid="output-tokens-input"]').setValue('64')
    await wrapper.get('[data-testid="label-input"]').setValue('  note ')
    await wrapper.get('form').trigger('submit')
    const [payload] = wrapper.emitted('submit')![0] as [Submitted]
    expect(payload.label).toBe('note')
    expect(payload.scenario).toMatchObject({
      name: 'my test',
      systems: ['sn40l-node'],
      workload: { model: 'llama2-7b', batch: 16, promptTokens: 512, outputTokens: 64 },
      assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' },
      systemOverrides: {},
    })
  })

  it('lists every model with its parameter count', () => {
    const options = mountForm().get('[data-testid="model-select"]').findAll('option')
    expect(options.map((option) => option.text())).toEqual([
      'Llama 2 7B · 6.74 B parameters',
      'BLOOM 176B · 176 B parameters',
    ])
  })

  it('offers fused modes only to a system with dataflow fusion, and one row per selected system', async () => {
    const wrapper = mountForm()
    expect(optionValues(wrapper.get('[data-testid="mode-sn40l-node"]'))).toEqual([
      '',
      'unfused',
      'kernelFused',
      'fusedSO',
      'fusedHO',
    ])
    expect(optionValues(wrapper.get('[data-testid="mode-dgx-a100"]'))).toEqual(['', 'unfused', 'kernelFused'])
    await wrapper.get('[data-testid="system-dgx-a100"]').setValue(false)
    expect(wrapper.find('[data-testid="mode-dgx-a100"]').exists()).toBe(false)
  })

  it('sends the mode, overrides and assumptions the user set, and nothing for the rest', async () => {
    const wrapper = mountForm()
    await wrapper.get('[data-testid="mode-sn40l-node"]').setValue('fusedSO')
    await wrapper.get('[data-testid="override-dgx-a100-computeEfficiency"]').setValue('0.5')
    await wrapper.get('[data-testid="host-link-model"]').setValue('perGpuLinks')
    await wrapper.get('[data-testid="logits-last-only"]').setValue(false)
    await wrapper.get('form').trigger('submit')
    const [payload] = wrapper.emitted('submit')![0] as [Submitted]
    expect(payload.scenario.systemOverrides).toEqual({
      'sn40l-node': { mode: 'fusedSO' },
      'dgx-a100': { computeEfficiency: 0.5 },
    })
    expect(payload.scenario.assumptions).toEqual({ logitsForLastTokenOnly: false, hostLinkModel: 'perGpuLinks' })

    // Back to the default mode and an emptied field: nothing left to send.
    await wrapper.get('[data-testid="mode-sn40l-node"]').setValue('')
    await wrapper.get('[data-testid="override-dgx-a100-computeEfficiency"]').setValue('')
    await wrapper.get('form').trigger('submit')
    expect((wrapper.emitted('submit')![1] as [Submitted])[0].scenario.systemOverrides).toEqual({})
  })

  it('offers the stacks with figures for each system’s silicon, writes the choice, and loads it back', async () => {
    // The presets' pairing: the DGX on NeMo 2023 by default; a custom chip of no family runs only ideal.
    const stacked = [
      { ...spec('dgx-a100', 'DGX A100', false), chip: { family: 'a100' }, defaultStack: 'nemo-2023' },
      spec('my-box', 'My box', false),
    ] as unknown as PresetsDto['systems']
    const wrapper = mountForm({ systems: stacked })
    await wrapper.get('[data-testid="system-my-box"]').setValue(true)
    const select = wrapper.get('[data-testid="stack-dgx-a100"]')
    expect(optionValues(select)).toEqual(expect.arrayContaining(['', 'nemo-2023', 'trtllm-2024', 'ideal']))
    expect(optionValues(select)).not.toContain('sambaflow-2024')
    expect(select.findAll('option')[0]!.text()).toBe('default (NeMo 2023)')
    const trtllm = select.findAll('option').find((option) => option.attributes('value') === 'trtllm-2024')!
    expect(trtllm.text()).toBe('TensorRT-LLM 2024')
    expect(trtllm.attributes('title')).toContain('TensorRT-LLM')
    expect(select.attributes('title')).toContain('Software stack')
    expect(optionValues(wrapper.get('[data-testid="stack-my-box"]'))).toEqual(['', 'ideal'])
    expect(wrapper.get('[data-testid="stack-my-box"]').findAll('option')[0]!.text()).toBe('own figures')

    await select.setValue('trtllm-2024')
    await wrapper.get('form').trigger('submit')
    expect((wrapper.emitted('submit')![0] as [Submitted])[0].scenario.systemOverrides).toEqual({
      'dgx-a100': { stack: 'trtllm-2024' },
    })
    await select.setValue('')
    await wrapper.get('form').trigger('submit')
    expect((wrapper.emitted('submit')![1] as [Submitted])[0].scenario.systemOverrides).toEqual({})

    await wrapper.setProps({
      loaded: { ...scenario, systems: ['dgx-a100'], systemOverrides: { 'dgx-a100': { stack: 'ideal' } } },
    })
    expect((wrapper.get('[data-testid="stack-dgx-a100"]').element as HTMLSelectElement).value).toBe('ideal')
  })

  it('shows a stack the API refused beside the system', () => {
    const issues = [{ path: ['scenario', 'systemOverrides', 'dgx-a100', 'stack'], message: 'no figures for A100' }]
    const wrapper = mountForm({ error: 'refused', issues })
    const row = wrapper.get('[data-testid="stack-dgx-a100"]').element.parentElement!
    expect(row.querySelector('[role="alert"]')?.textContent).toContain('no figures for A100')
  })

  it('offers every precision by its label, sends the id, and shows a refusal beside it', async () => {
    const message = 'dgx-a100: the A100 80GB SXM4 has no FP8 peak (its figures give BF16, FP16 and INT8)'
    const issues = [{ path: ['scenario', 'workload', 'precision'], message }]
    const wrapper = mountForm({ error: 'refused', issues })
    const select = wrapper.get('[data-testid="precision-select"]')
    expect(optionValues(select)).toEqual(['bf16', 'fp16', 'fp8', 'int8'])
    expect(select.findAll('option').map((option) => option.text())).toEqual(['BF16', 'FP16', 'FP8', 'INT8'])
    expect(wrapper.get('[data-testid="precision-error"]').text()).toBe(message)
    await select.setValue('fp8')
    await wrapper.get('form').trigger('submit')
    const [payload] = wrapper.emitted('submit')![0] as [Submitted]
    expect(payload.scenario.workload.precision).toBe('fp8')
  })

  it('leaves the label out when blank and sends an emptied number as NaN for the API to reject', async () => {
    const wrapper = mountForm()
    await wrapper.get('[data-testid="batch-input"]').setValue('')
    await wrapper.get('[data-testid="start-run"]').trigger('submit')
    const [payload] = wrapper.emitted('submit')![0] as [Submitted]
    expect(payload.label).toBeUndefined()
    expect(payload.scenario.workload.batch).toBeNaN()
    expect(JSON.parse(JSON.stringify(payload.scenario)).workload.batch).toBeNull()
  })

  it('fills in a loaded scenario and keeps its seed and overrides for systems still selected', async () => {
    const wrapper = mountForm()
    await wrapper.setProps({
      loaded: {
        ...scenario,
        name: 'saved',
        seed: 42,
        assumptions: { logitsForLastTokenOnly: false, hostLinkModel: 'perGpuLinks' },
        systemOverrides: {
          'sn40l-node': { mode: 'unfused', memoryEfficiency: 0.6 },
          'dgx-a100': { chips: 4 },
        },
      },
    })
    const value = (testId: string) => (wrapper.get(`[data-testid="${testId}"]`).element as HTMLInputElement).value
    expect(value('scenario-name')).toBe('saved')
    expect(value('batch-input')).toBe('8')
    expect(value('mode-sn40l-node')).toBe('unfused')
    expect(value('override-sn40l-node-memoryEfficiency')).toBe('0.6')
    expect(value('override-sn40l-node-computeEfficiency')).toBe('')
    expect(value('mode-dgx-a100')).toBe('')
    expect(value('host-link-model')).toBe('perGpuLinks')
    expect((wrapper.get('[data-testid="logits-last-only"]').element as HTMLInputElement).checked).toBe(false)
    await wrapper.get('form').trigger('submit')
    expect((wrapper.emitted('submit')![0] as [Submitted])[0].scenario).toMatchObject({
      seed: 42,
      assumptions: { logitsForLastTokenOnly: false, hostLinkModel: 'perGpuLinks' },
      systemOverrides: { 'sn40l-node': { mode: 'unfused', memoryEfficiency: 0.6 }, 'dgx-a100': { chips: 4 } },
    })
    await wrapper.get('[data-testid="system-sn40l-node"]').setValue(false)
    await wrapper.get('form').trigger('submit')
    expect((wrapper.emitted('submit')![1] as [Submitted])[0].scenario.systemOverrides).toEqual({
      'dgx-a100': { chips: 4 },
    })
    await wrapper.get('[data-testid="system-dgx-a100"]').setValue(false)
    await wrapper.get('form').trigger('submit')
    expect((wrapper.emitted('submit')![2] as [Submitted])[0].scenario.systemOverrides).toEqual({})
  })

  it('offers the systems a loaded scenario defines itself, and sends them back', async () => {
    const custom = spec('my-rdu', 'My RDU', true)
    const wrapper = mountForm()
    await wrapper.setProps({
      loaded: {
        ...scenario,
        systems: ['my-rdu'],
        customSystems: [custom],
        systemOverrides: { 'my-rdu': { mode: 'fusedSO' } },
      } as unknown as Scenario,
    })
    expect((wrapper.get('[data-testid="system-my-rdu"]').element as HTMLInputElement).checked).toBe(true)
    expect((wrapper.get('[data-testid="mode-my-rdu"]').element as HTMLSelectElement).value).toBe('fusedSO')
    await wrapper.get('form').trigger('submit')
    expect((wrapper.emitted('submit')![0] as [Submitted])[0].scenario).toMatchObject({
      systems: ['my-rdu'],
      customSystems: [custom],
      systemOverrides: { 'my-rdu': { mode: 'fusedSO' } },
    })
  })

  it('shows the error it is given, beside the field it names, and disables the button while busy', () => {
    const message = 'scenario.workload.batch: Too small: expected number to be >=1'
    const issues = [{ path: ['scenario', 'workload', 'batch'], message: 'Too small: expected number to be >=1' }]
    const wrapper = mountForm({ error: message, issues, busy: true })
    expect(wrapper.get('[data-testid="form-error"]').text()).toContain(message)
    expect(wrapper.get('[data-testid="batch-input-error"]').text()).toBe('Batch: Too small: expected number to be >=1')
    expect(wrapper.get('[data-testid="start-run"]').attributes('disabled')).toBeDefined()
    expect(mountForm().find('[data-testid="form-error"]').exists()).toBe(false)
  })
})
