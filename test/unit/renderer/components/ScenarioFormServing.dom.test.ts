// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { PresetsDto, ScenarioInput } from '../../../../contract/api'
import ScenarioForm from '../../../../renderer/src/components/ScenarioForm.vue'
import { scenario } from '../fixtures'
import { servingConfig } from '../servingFixtures'

const systems = [
  {
    id: 'sn40l-node',
    name: 'SN40L node',
    description: '',
    chip: { computeEfficiency: { value: 0.7 }, memoryEfficiency: { value: 0.8 } },
    execution: { dataflowFusion: true },
  },
] as unknown as PresetsDto['systems']
const models = [{ id: 'llama2-7b', name: 'Llama 2 7B', parameters: 6.738e9 }] as unknown as PresetsDto['models']

type Submitted = { scenario: ScenarioInput; label: string | undefined }

const mountForm = () => mount(ScenarioForm, { props: { systems, models, loaded: null, error: null, busy: false } })

async function submitted(wrapper: ReturnType<typeof mountForm>, index = 0): Promise<ScenarioInput> {
  await wrapper.get('form').trigger('submit')
  return (wrapper.emitted('submit')![index] as [Submitted])[0].scenario
}

// A saved section with traffic, lengths and more the form has no inputs for; the schema fills in
// any newer fields, which must come back unchanged too.
const savedServing = servingConfig({
  experts: 150,
  expertModel: 'llama2-7b',
  routerModel: null,
  traffic: { kind: 'mmpp', rates: [1, 5], switchRates: [0.1, 0.2] },
  requests: 5000,
  promptTokens: { kind: 'lognormal', median: 128, sigma: 0.5, max: 1024 },
  outputTokens: { kind: 'uniform', min: 10, max: 40 },
  routing: { kind: 'zipf', exponent: 1.1 },
  locality: 0.3,
  cachePolicy: 'lfu',
  maxBatch: 4,
  scheduling: 'residentFirst',
  fairnessSeconds: 2,
  timeoutSeconds: 30,
})

describe('ScenarioForm serving', () => {
  it('sends no serving section until it is enabled, then what the inputs say', async () => {
    const wrapper = mountForm()
    expect(wrapper.find('[data-testid="serving-experts"]').exists()).toBe(false)
    expect('serving' in (await submitted(wrapper, 0))).toBe(false)

    await wrapper.get('[data-testid="serving-enabled"]').setValue(true)
    await wrapper.get('[data-testid="serving-experts"]').setValue('20')
    await wrapper.get('[data-testid="serving-rate"]').setValue('2')
    await wrapper.get('[data-testid="serving-requests"]').setValue('500')
    expect(wrapper.find('[data-testid="serving-zipf"]').exists()).toBe(false)
    await wrapper.get('[data-testid="serving-routing"]').setValue('zipf')
    await wrapper.get('[data-testid="serving-zipf"]').setValue('1.2')
    await wrapper.get('[data-testid="serving-cache"]').setValue('belady')
    await wrapper.get('[data-testid="serving-max-batch"]').setValue('16')
    await wrapper.get('[data-testid="serving-scheduling"]').setValue('residentFirst')
    expect((await submitted(wrapper, 1)).serving).toEqual({
      experts: 20,
      expertModel: 'llama2-7b',
      routerModel: 'llama2-7b',
      promptTokens: { kind: 'fixed', value: 128 },
      outputTokens: { kind: 'fixed', value: 20 },
      locality: 0,
      traffic: { kind: 'poisson', rate: 2 },
      requests: 500,
      routing: { kind: 'zipf', exponent: 1.2 },
      cachePolicy: 'belady',
      maxBatch: 16,
      scheduling: 'residentFirst',
    })

    await wrapper.get('[data-testid="simulator-analytic"]').setValue(true)
    expect('serving' in (await submitted(wrapper, 2))).toBe(false)
  })

  it('fills in a loaded serving section and sends back the fields it has no inputs for', async () => {
    const wrapper = mountForm()
    await wrapper.setProps({ loaded: { ...scenario, serving: savedServing } })
    const value = (testId: string) => (wrapper.get(`[data-testid="${testId}"]`).element as HTMLInputElement).value
    expect((wrapper.get('[data-testid="serving-enabled"]').element as HTMLInputElement).checked).toBe(true)
    expect(value('serving-experts')).toBe('150')
    expect(value('serving-rate')).toBe('')
    expect(value('serving-requests')).toBe('5000')
    expect(value('serving-routing')).toBe('zipf')
    expect(value('serving-zipf')).toBe('1.1')
    expect(value('serving-cache')).toBe('lfu')
    expect(value('serving-max-batch')).toBe('4')
    expect(value('serving-scheduling')).toBe('residentFirst')
    expect(wrapper.get('[data-testid="serving-kept-traffic"]').text()).toContain('MMPP')
    expect((await submitted(wrapper, 0)).serving).toEqual(savedServing)

    await wrapper.get('[data-testid="serving-experts"]').setValue('40')
    await wrapper.get('[data-testid="serving-rate"]').setValue('3')
    expect((await submitted(wrapper, 1)).serving).toEqual({
      ...savedServing,
      experts: 40,
      traffic: { kind: 'poisson', rate: 3 },
    })
  })

  it('clears the serving section when a scenario without one is loaded', async () => {
    const wrapper = mountForm()
    await wrapper.setProps({ loaded: { ...scenario, serving: savedServing } })
    await wrapper.setProps({ loaded: { ...scenario, name: 'plain' } })
    expect((wrapper.get('[data-testid="serving-enabled"]').element as HTMLInputElement).checked).toBe(false)
    expect('serving' in (await submitted(wrapper))).toBe(false)
  })
})
