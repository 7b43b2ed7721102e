// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { SYSTEM_PRESETS } from '../../../../main/sim/hardware/presets'
import type { PresetsDto, ScenarioDto } from '../../../../contract/api'
import { WorkbenchError } from '../../../../contract/channels'
import { createFakeApi } from '../fakeApi'
import { scenario, summary } from '../fixtures'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))

const { default: ScenariosView } = await import('../../../../renderer/src/views/ScenariosView.vue')

let harness: ReturnType<typeof createFakeApi>

const saved = (id: number, name: string): ScenarioDto => ({
  id,
  name,
  hash: `h${id}`,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: `2025-01-0${id}T00:00:00.000Z`,
  scenario: { ...scenario, name },
})

async function mountView() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/scenarios', component: ScenariosView },
      { path: '/runs/:id', component: { template: '<p>detail</p>' } },
    ],
  })
  await router.push('/scenarios')
  const wrapper = mount(ScenariosView, { global: { plugins: [createPinia(), router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

const click = async (wrapper: Awaited<ReturnType<typeof mountView>>['wrapper'], testId: string) => {
  await wrapper.get(`[data-testid="${testId}"]`).trigger('click')
  await flushPromises()
}

describe('ScenariosView', () => {
  beforeEach(() => {
    harness = createFakeApi()
    harness.api.presetsList.mockResolvedValue({
      systems: [SYSTEM_PRESETS['sn40l-node'], SYSTEM_PRESETS['dgx-h100']],
      models: [{ id: 'llama2-7b', name: 'Llama 2 7B', parameters: 6.7e9 }],
      simulatorVersion: '0.1.0',
    } as unknown as PresetsDto)
    fake.current = harness.api
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('says what to do when nothing is saved, and creates a scenario from a preset', async () => {
    const { wrapper } = await mountView()
    expect(wrapper.get('[data-testid="library-empty"]').text()).toContain(
      'No saved scenarios yet — start from a preset',
    )
    harness.api.scenariosSave.mockImplementation(async ({ scenario: sent }) => saved(1, sent.name))
    await wrapper.get('[data-testid="create-system-dgx-h100"]').setValue(false)
    await wrapper.get('[data-testid="scenario-create"] form').trigger('submit')
    await flushPromises()
    expect(harness.api.scenariosSave).toHaveBeenCalledWith({
      scenario: {
        name: 'Llama 2 7B on SN40L node (8 sockets)',
        systems: ['sn40l-node'],
        workload: { model: 'llama2-7b', batch: 8, promptTokens: 1024, outputTokens: 128 },
      },
    })
    expect(wrapper.get('[data-testid="scenario-item-1"]').attributes('aria-current')).toBe('true')
    expect((wrapper.get('[data-testid="scenario-name"]').element as HTMLInputElement).value).toBe(
      'Llama 2 7B on SN40L node (8 sockets)',
    )
  })

  it('duplicates, renames in place and deletes after a confirm', async () => {
    harness.api.scenariosList.mockResolvedValue([saved(1, 'chatbot')])
    const { wrapper } = await mountView()
    harness.api.scenariosSave.mockImplementation(async ({ id, scenario: sent }) => saved(id ?? 2, sent.name))

    await click(wrapper, 'scenario-duplicate-1')
    expect(harness.api.scenariosSave).toHaveBeenLastCalledWith({
      scenario: expect.objectContaining({ name: 'chatbot (copy)' }),
    })
    expect(wrapper.get('[data-testid="scenario-name-2"]').text()).toBe('chatbot (copy)')

    await click(wrapper, 'scenario-rename-2')
    await wrapper.get('[data-testid="scenario-rename-input-2"]').setValue('chatbot, long prompts')
    await (wrapper.get('[data-testid="scenario-rename-input-2"]').element as HTMLInputElement).form!.requestSubmit()
    await flushPromises()
    expect(harness.api.scenariosSave).toHaveBeenLastCalledWith({
      id: 2,
      scenario: expect.objectContaining({ name: 'chatbot, long prompts' }),
    })

    await click(wrapper, 'scenario-delete-1')
    expect(harness.api.scenariosDelete).not.toHaveBeenCalled()
    await click(wrapper, 'scenario-delete-confirm-1')
    expect(harness.api.scenariosDelete).toHaveBeenCalledWith({ id: 1 })
    expect(wrapper.find('[data-testid="scenario-item-1"]').exists()).toBe(false)
  })

  it("imports a file by saving it, and shows the API's message naming the field", async () => {
    const { wrapper } = await mountView()
    harness.api.scenariosSave.mockRejectedValue(
      new WorkbenchError('invalid_input', 'scenario.workload.batch: Too small: expected number to be >=1'),
    )
    const input = wrapper.get('[data-testid="scenario-import-file"]')
    const file = new File([JSON.stringify({ ...scenario, workload: { ...scenario.workload, batch: 0 } })], 'bad.json')
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
    await input.trigger('change')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="scenarios-library-error"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="scenarios-library-error"]').text()).toBe(
      'Could not import bad.json: scenario.workload.batch: Too small: expected number to be >=1',
    )
  })

  it('refuses a dropped file that is not JSON', async () => {
    const { wrapper } = await mountView()
    const file = new File(['x'], 'notes.txt', { type: 'text/plain' })
    await wrapper.get('[data-testid="scenarios-view"]').trigger('drop', { dataTransfer: { files: [file] } })
    expect(wrapper.get('[data-testid="scenarios-library-error"]').text()).toContain('notes.txt is not a scenario file')
    expect(harness.api.scenariosSave).not.toHaveBeenCalled()
  })

  it('starts runs one after another, with Ctrl+Enter too, and stays on the editor with a link to each', async () => {
    const { wrapper, router } = await mountView()
    harness.api.runsStart.mockResolvedValueOnce(summary(7)).mockResolvedValueOnce(summary(8))
    await click(wrapper, 'start-run')
    await wrapper.get('[data-testid="batch-input"]').trigger('keydown', { key: 'Enter', ctrlKey: true })
    await flushPromises()
    expect(harness.api.runsStart).toHaveBeenCalledTimes(2)
    expect(router.currentRoute.value.path).toBe('/scenarios')
    expect(wrapper.get('[data-testid="run-started-link-7"]').attributes('href')).toBe('/runs/7')
    expect(wrapper.get('[data-testid="run-started-8"]').text()).toContain('Run #8')
  })

  it('puts a run error beside the field it names', async () => {
    const { wrapper } = await mountView()
    harness.api.runsStart.mockRejectedValue(
      new WorkbenchError('invalid_input', 'scenario.workload.outputTokens: exceeds the context window', [
        { path: ['scenario', 'workload', 'outputTokens'], message: 'exceeds the context window' },
      ]),
    )
    await click(wrapper, 'start-run')
    expect(wrapper.get('[data-testid="output-tokens-input-error"]').text()).toBe(
      'Output tokens: exceeds the context window',
    )
  })
})
