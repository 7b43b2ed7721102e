// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { PresetsDto } from '../../../../contract/api'
import { createFakeApi } from '../fakeApi'
import { page, summary } from '../fixtures'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))

const { default: RunsView } = await import('../../../../renderer/src/views/RunsView.vue')

let harness: ReturnType<typeof createFakeApi>

async function mountView(path = '/runs') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/runs', component: RunsView },
      { path: '/runs/:id', component: { template: '<p>detail</p>' } },
    ],
  })
  await router.push(path)
  const wrapper = mount(RunsView, { global: { plugins: [createPinia(), router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

function jsonFile(name: string, text: string): File {
  return new File([text], name, { type: 'application/json' })
}

async function chooseFile(wrapper: Awaited<ReturnType<typeof mountView>>['wrapper'], file: File): Promise<void> {
  const input = wrapper.get('[data-testid="runs-import-file"]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await vi.waitFor(() => expect(wrapper.find('[data-testid="runs-import-notice"], [role="alert"]').exists()).toBe(true))
}

describe('RunsView, the run history', () => {
  beforeEach(() => {
    harness = createFakeApi()
    harness.api.presetsList.mockResolvedValue({
      systems: [{ id: 'dgx-h100', name: 'DGX H100' }],
      models: [{ id: 'llama2-7b', name: 'Llama 2 7B', parameters: 7e9 }],
      simulatorVersion: '0.1.0',
    } as unknown as PresetsDto)
    harness.api.runsList.mockResolvedValue(page([summary(2, { tags: ['paper'] }), summary(1)], 1234))
    harness.api.tagsList.mockResolvedValue([{ tag: 'paper', runs: 1 }])
    fake.current = harness.api
  })
  afterEach(() => {
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })

  it('asks for the page the route query describes and says which runs it shows', async () => {
    const { wrapper } = await mountView('/runs?tag=paper&page=3&sort=label&order=asc')
    expect(harness.api.runsList).toHaveBeenLastCalledWith({
      limit: 50,
      offset: 100,
      sort: 'label',
      order: 'asc',
      tag: 'paper',
    })
    expect(wrapper.get('[data-testid="page-range"]').text()).toBe('101–102 of 1,234')
    expect(wrapper.findAll('[data-testid^="run-row-"]')).toHaveLength(2)
    expect((wrapper.get('[data-testid="filter-tag"]').element as HTMLSelectElement).value).toBe('paper')
    expect(wrapper.get('[data-testid="sort-label"]').element.closest('th')!.getAttribute('aria-sort')).toBe('ascending')
  })

  it('keeps a filter in the route and starts again from page 1', async () => {
    const { wrapper, router } = await mountView('/runs?page=2')
    const status = wrapper.get('[data-testid="filter-status"]')
    ;(status.element as HTMLSelectElement).value = 'failed'
    await status.trigger('change')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ status: 'failed' })
    expect(harness.api.runsList).toHaveBeenLastCalledWith({
      limit: 50,
      offset: 0,
      sort: 'createdAt',
      order: 'desc',
      status: 'failed',
    })
  })

  it('sorts by a column header, then flips it', async () => {
    const { wrapper, router } = await mountView()
    await wrapper.get('[data-testid="sort-scenarioName"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ sort: 'scenarioName', order: 'asc' })
    await wrapper.get('[data-testid="sort-scenarioName"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ sort: 'scenarioName' })
    expect(harness.api.runsList).toHaveBeenLastCalledWith(
      expect.objectContaining({ sort: 'scenarioName', order: 'desc' }),
    )
  })

  it('pages forward and back', async () => {
    const { wrapper, router } = await mountView()
    expect(wrapper.get('[data-testid="page-previous"]').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-testid="page-next"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ page: '2' })
    expect(harness.api.runsList).toHaveBeenLastCalledWith(expect.objectContaining({ offset: 50 }))
  })

  it('stars a run and tags it with the whole tag set', async () => {
    harness.api.runsUpdate.mockImplementation(async (patch) => summary(patch.runId, patch as never))
    const { wrapper } = await mountView()
    await wrapper.get('[data-testid="run-star-1"]').trigger('click')
    const input = wrapper.get('[data-testid="tag-input-2"]')
    await input.setValue('h100')
    await input.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(harness.api.runsUpdate.mock.calls.map(([patch]) => patch)).toEqual([
      { runId: 1, starred: true },
      { runId: 2, tags: ['paper', 'h100'] },
    ])
    expect(wrapper.find('[data-testid="tag-chip-2-h100"]').exists()).toBe(true)
    expect(wrapper.get('[data-testid="run-star-1"]').attributes('aria-pressed')).toBe('true')
  })

  it('deletes the selected runs and undoes it from the banner', async () => {
    const { wrapper } = await mountView()
    await wrapper.get('[data-testid="run-select-1"]').setValue(true)
    await wrapper.get('[data-testid="run-select-2"]').setValue(true)
    expect(wrapper.get('[data-testid="selection-count"]').text()).toBe('2 selected')
    await wrapper.get('[data-testid="runs-delete"]').trigger('click')
    await flushPromises()
    expect(harness.api.runsDelete).toHaveBeenCalledWith({ runIds: [1, 2] })
    expect(wrapper.get('[data-testid="undo-banner"]').text()).toContain('Deleted 2 runs')
    expect(wrapper.get('[data-testid="selection-count"]').text()).toBe('0 selected')

    await wrapper.get('[data-testid="undo-button"]').trigger('click')
    await flushPromises()
    expect(harness.api.runsRestore).toHaveBeenCalledWith({ runIds: [1, 2] })
    expect(wrapper.find('[data-testid="undo-banner"]').exists()).toBe(false)
  })

  it('folds a second delete into the open undo banner, so Undo brings back both', async () => {
    const { wrapper } = await mountView()
    await wrapper.get('[data-testid="run-select-1"]').setValue(true)
    await wrapper.get('[data-testid="runs-delete"]').trigger('click')
    await flushPromises()
    await wrapper.get('[data-testid="run-select-2"]').setValue(true)
    await wrapper.get('[data-testid="runs-delete"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="undo-banner"]').text()).toContain('Deleted 2 runs')
    await wrapper.get('[data-testid="undo-button"]').trigger('click')
    await flushPromises()
    expect(harness.api.runsRestore).toHaveBeenCalledWith({ runIds: [1, 2] })
  })

  it('selects every run on the page at once', async () => {
    const { wrapper } = await mountView()
    await wrapper.get('[data-testid="run-select-all"]').setValue(true)
    expect(wrapper.get('[data-testid="selection-count"]').text()).toBe('2 selected')
  })

  it('exports the selected runs as a JSON download named after them', async () => {
    const bundle = { format: 'memwall-run-bundle', version: 1, runs: [] } as never
    harness.api.runsExport.mockResolvedValueOnce(bundle)
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:bundle')
    const revokeObjectURL = vi.fn()
    Object.assign(URL, { createObjectURL, revokeObjectURL })
    const clicked: { download: string; href: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href })
    })
    const { wrapper } = await mountView()
    await wrapper.get('[data-testid="run-select-2"]').setValue(true)
    await wrapper.get('[data-testid="run-select-1"]').setValue(true)
    await wrapper.get('[data-testid="runs-export"]').trigger('click')
    await flushPromises()
    expect(harness.api.runsExport).toHaveBeenCalledWith({ runIds: [2, 1] })
    expect(clicked).toEqual([{ download: 'memwall-runs-1-2.json', href: 'blob:bundle' }])
    const blob = createObjectURL.mock.calls[0]![0]
    expect(JSON.parse(await blob.text())).toEqual(bundle)
    await vi.waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:bundle'))
    expect(document.querySelector('a[download]')).toBeNull()
  })

  it('imports a chosen file and says what it did', async () => {
    harness.api.runsImport.mockResolvedValueOnce({
      imported: [
        { bundleIndex: 0, runId: 7 },
        { bundleIndex: 2, runId: 8 },
      ],
      duplicates: [{ bundleIndex: 1, existingRunId: 1 }],
    })
    const { wrapper } = await mountView()
    await chooseFile(wrapper, jsonFile('runs.json', '{"format":"memwall-run-bundle","runs":[]}'))
    expect(harness.api.runsImport).toHaveBeenCalledWith({ bundle: { format: 'memwall-run-bundle', runs: [] } })
    expect(wrapper.get('[data-testid="runs-import-notice"]').text()).toBe('Imported 2 runs, 1 duplicate')
  })

  it('says clearly when the file is not JSON, without calling the API', async () => {
    const { wrapper } = await mountView()
    await chooseFile(wrapper, jsonFile('broken.json', '{ nope'))
    expect(wrapper.get('[data-testid="runs-file-error"]').text()).toMatch(
      /^broken\.json is not a run bundle: it is not valid JSON/,
    )
    expect(harness.api.runsImport).not.toHaveBeenCalled()
  })

  it('shows the API error of a refused bundle', async () => {
    harness.api.runsImport.mockRejectedValueOnce(new Error('bundle.runs.0.checksum: does not match the run'))
    const { wrapper } = await mountView()
    await chooseFile(wrapper, jsonFile('edited.json', '{}'))
    expect(wrapper.get('[data-testid="runs-file-error"]').text()).toBe(
      'Could not import edited.json: bundle.runs.0.checksum: does not match the run',
    )
  })

  it('imports a .json file dropped on the view and refuses other files', async () => {
    const { wrapper } = await mountView()
    const view = wrapper.get('[data-testid="runs-view"]')
    await view.trigger('drop', { dataTransfer: { files: [jsonFile('notes.txt', 'hi')] } })
    expect(wrapper.get('[data-testid="runs-action-error"]').text()).toContain('notes.txt is not a run bundle')
    await view.trigger('drop', { dataTransfer: { files: [jsonFile('runs.json', '{"runs":[]}')] } })
    await vi.waitFor(() => expect(harness.api.runsImport).toHaveBeenCalledWith({ bundle: { runs: [] } }))
  })

  it('opens a run when its row is clicked', async () => {
    const { wrapper, router } = await mountView()
    await wrapper.get('[data-testid="run-row-2"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/runs/2')
  })
})
