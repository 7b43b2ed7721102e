// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { PresetsDto, ScenarioInput } from '../../../../preload/api'
import ScenarioForm from '../../../../renderer/src/components/ScenarioForm.vue'
import { scenario } from '../fixtures'

// Only ids and names matter to the form.
const systems = [
  { id: 'sn40l-node', name: 'SN40L node', description: '' },
  { id: 'dgx-a100', name: 'DGX A100', description: '' },
] as unknown as PresetsDto['systems']
const models = [{ id: 'llama2-7b', name: 'Llama 2 7B' }] as unknown as PresetsDto['models']

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
    })
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
      loaded: { ...scenario, name: 'saved', seed: 42, systemOverrides: { 'dgx-a100': { chips: 4 } } },
    })
    expect((wrapper.get('[data-testid="scenario-name"]').element as HTMLInputElement).value).toBe('saved')
    expect((wrapper.get('[data-testid="batch-input"]').element as HTMLInputElement).value).toBe('8')
    await wrapper.get('form').trigger('submit')
    expect((wrapper.emitted('submit')![0] as [Submitted])[0].scenario).toMatchObject({
      seed: 42,
      systemOverrides: { 'dgx-a100': { chips: 4 } },
    })
    await wrapper.get('[data-testid="system-dgx-a100"]').setValue(false)
    await wrapper.get('form').trigger('submit')
    expect((wrapper.emitted('submit')![1] as [Submitted])[0].scenario.systemOverrides).toEqual({})
  })

  it('shows the error it is given and disables the button while busy', () => {
    const message = 'scenario.workload.batch: Too small: expected number to be >=1'
    const wrapper = mountForm({ error: message, busy: true })
    expect(wrapper.get('[data-testid="form-error"]').text()).toBe(message)
    expect(wrapper.get('[data-testid="start-run"]').attributes('disabled')).toBeDefined()
    expect(mountForm().find('[data-testid="form-error"]').exists()).toBe(false)
  })
})
