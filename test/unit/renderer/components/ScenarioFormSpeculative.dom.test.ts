// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { ScenarioSchema, type PresetsDto, type Scenario, type ScenarioInput } from '../../../../contract/api'
import { scenarioHash } from '../../../../main/sim/scenario'
import ScenarioForm from '../../../../renderer/src/components/ScenarioForm.vue'
import { describeField } from '../../../../renderer/src/viewModels/schemaHelp'
import { formSystems as systems, scenario } from '../fixtures'

// The first is the default target; the schema checks the draft against the real presets.
const models = [
  { id: 'llama3.1-70b', name: 'Llama 3.1 70B', parameters: 70.6e9 },
  { id: 'llama3.1-8b', name: 'Llama 3.1 8B', parameters: 8.03e9 },
  { id: 'llama3.1-405b', name: 'Llama 3.1 405B', parameters: 405.9e9 },
  { id: 'llama2-7b', name: 'Llama 2 7B', parameters: 6.738e9 },
] as unknown as PresetsDto['models']

const mountForm = () => mount(ScenarioForm, { props: { systems, models, loaded: null, error: null, busy: false } })

async function submitted(wrapper: ReturnType<typeof mountForm>): Promise<ScenarioInput> {
  await wrapper.get('form').trigger('submit')
  return (wrapper.emitted('submit')!.at(-1) as [{ scenario: ScenarioInput }])[0].scenario
}
const defaultOf = (key: string) => describeField(`workload.speculative.${key}`)!.defaultValue
const hash = (input: ScenarioInput) => scenarioHash(ScenarioSchema.parse(input))

describe('ScenarioForm speculative decoding', () => {
  it('adds the schema’s defaults when ticked, with each field’s help, and a draft smaller than the target', async () => {
    const wrapper = mountForm()
    expect(wrapper.find('[data-testid="speculative-draftModel"]').exists()).toBe(false)
    expect('speculative' in (await submitted(wrapper)).workload).toBe(false)

    await wrapper.get('[data-testid="speculative-enabled"]').setValue(true)
    expect(defaultOf('proposedTokens')).toBe(4)
    expect((await submitted(wrapper)).workload.speculative).toEqual({
      draftModel: 'llama3.1-8b',
      proposedTokens: defaultOf('proposedTokens'),
      acceptanceRate: defaultOf('acceptanceRate'),
    })
    const draft = wrapper.get('[data-testid="speculative-draftModel"]')
    // Every model preset the schema allows, by name; no refusal for a draft it accepts.
    expect(draft.findAll('option').map((option) => option.attributes('value'))).toEqual(
      describeField('workload.speculative.draftModel')!.options,
    )
    expect(draft.find('option[value="llama3.1-8b"]').text()).toBe('Llama 3.1 8B · 8.03 B parameters')
    expect(wrapper.find('[data-testid="speculative-draftModel-error"]').exists()).toBe(false)
    for (const key of ['draftModel', 'proposedTokens', 'acceptanceRate']) {
      const help = describeField(`workload.speculative.${key}`)!.help
      expect(help).not.toBe('')
      expect(wrapper.text()).toContain(help)
    }
  })

  it('shows the schema’s refusal of a draft larger than the target under the draft field', async () => {
    const wrapper = mountForm()
    await wrapper.get('[data-testid="speculative-enabled"]').setValue(true)
    await wrapper.get('[data-testid="speculative-draftModel"]').setValue('llama3.1-405b')
    const error = wrapper.get('[data-testid="speculative-draftModel-error"]')
    expect(error.attributes('role')).toBe('alert')
    expect(error.text()).toContain('the draft llama3.1-405b')
    expect(error.text()).toContain('must be smaller than the target llama3.1-70b')
    // A smaller target afterwards: the same check follows it.
    await wrapper.get('[data-testid="speculative-draftModel"]').setValue('llama3.1-8b')
    expect(wrapper.find('[data-testid="speculative-draftModel-error"]').exists()).toBe(false)
    await wrapper.get('[data-testid="model-select"]').setValue('llama2-7b')
    expect(wrapper.get('[data-testid="speculative-draftModel-error"]').text()).toContain('must be smaller')
  })

  it('shows a field’s own bounds and the API’s messages, and leaves an emptied field with a default out', async () => {
    const wrapper = mountForm()
    await wrapper.get('[data-testid="speculative-enabled"]').setValue(true)
    await wrapper.get('[data-testid="speculative-acceptanceRate"]').setValue('1.5')
    expect(wrapper.get('[data-testid="speculative-acceptanceRate-error"]').text()).toContain('Acceptance rate')
    await wrapper.get('[data-testid="speculative-acceptanceRate"]').setValue('0.6')
    await wrapper.get('[data-testid="speculative-proposedTokens"]').setValue('')
    expect(wrapper.find('[data-testid="speculative-proposedTokens-error"]').exists()).toBe(false)
    expect((await submitted(wrapper)).workload.speculative).toEqual({ draftModel: 'llama3.1-8b', acceptanceRate: 0.6 })

    const issues = [{ path: ['scenario', 'workload', 'speculative', 'draftModel'], message: 'refused by the API' }]
    await wrapper.setProps({ error: 'refused', issues })
    expect(wrapper.get('[data-testid="speculative-draftModel-error"]').text()).toBe('refused by the API')
  })

  it('removes the key when unticked, the loaded one included, so the hash is the one without it', async () => {
    const wrapper = mountForm()
    const target = { ...scenario, workload: { ...scenario.workload, model: 'llama3.1-70b' } } as Scenario
    await wrapper.setProps({ loaded: target })
    const without = await submitted(wrapper)
    expect('speculative' in without.workload).toBe(false)

    const speculative = { draftModel: 'llama3.1-8b', proposedTokens: 6, acceptanceRate: 0.8 } as const
    await wrapper.setProps({ loaded: { ...target, workload: { ...target.workload, speculative } } })
    const checkbox = wrapper.get('[data-testid="speculative-enabled"]')
    expect((checkbox.element as HTMLInputElement).checked).toBe(true)
    expect((wrapper.get('[data-testid="speculative-proposedTokens"]').element as HTMLInputElement).value).toBe('6')
    expect((await submitted(wrapper)).workload.speculative).toEqual(speculative)

    await checkbox.setValue(false)
    expect(wrapper.find('[data-testid="speculative-draftModel"]').exists()).toBe(false)
    const off = await submitted(wrapper)
    expect('speculative' in off.workload).toBe(false)
    expect(hash(off)).toBe(hash(without))
  })
})
