// @vitest-environment happy-dom
import 'vitest-canvas-mock'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { Chart } from 'chart.js'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ValidationReport } from '../../../../contract/api'
import { createFakeApi } from '../fakeApi'
import { validationRow, validationViewReport } from '../validationFixtures'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))

const { default: ValidationView } = await import('../../../../renderer/src/views/ValidationView.vue')

let harness: ReturnType<typeof createFakeApi>

async function mountView() {
  const wrapper = mount(ValidationView, { global: { plugins: [createPinia()] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const rowIds = (wrapper: VueWrapper) =>
  wrapper
    .findAll('[data-testid^="validation-row-"]')
    .map((row) => row.attributes('data-testid')!.slice('validation-row-'.length))

/** The file input given a file, as a user picking it does. */
async function chooseFile(wrapper: VueWrapper, name: string, text: string): Promise<void> {
  const input = wrapper.get('[data-testid="validation-file"]')
  Object.defineProperty(input.element, 'files', {
    value: [new File([text], name, { type: 'application/json' })],
    configurable: true,
  })
  await input.trigger('change')
  await flushPromises()
}

const measurementFile = {
  format: 'memwall-measurements',
  version: 1,
  rows: [
    {
      id: 'MINE-1',
      split: 'check',
      stack: 'nemo-2023',
      hardware: { base: 'dgx-h100', chips: 8 },
      workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20, precision: '16-bit' },
      metric: 'e2eSeconds',
      measured: 0.1,
      source: 'my own bench',
    },
  ],
}

describe('ValidationView, the model against measurements', () => {
  beforeEach(() => {
    harness = createFakeApi()
    harness.api.validationRun.mockResolvedValue(validationViewReport())
    fake.current = harness.api
  })
  afterEach(() => {
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })

  it('runs the shipped set on open and shows every row, the summary and the scatter', async () => {
    const errors = vi.spyOn(console, 'error')
    const wrapper = await mountView()
    expect(harness.api.validationRun).toHaveBeenCalledWith({})
    expect(rowIds(wrapper)).toEqual(['A-1', 'A-2', 'T-10', 'T-2', 'T-3'])
    const cells = wrapper.get('[data-testid="validation-row-A-2"]').findAll('td')
    expect(cells.map((cell) => cell.text())).toEqual([
      'A-2',
      'NeMo 2023',
      'llama2-7b, 1 × 128 → 20 tokens, 1 chip, 16-bit',
      'end-to-end latency',
      '100.0 ms',
      '92.0 ms',
      '−8.0%',
      'check',
      '',
    ])
    expect(cells[0]!.get('span').attributes('title')).toBe('Source: a published table')
    // Unsupported: why, in one cell across simulated and error; no number.
    const unsupported = wrapper.get('[data-testid="validation-row-T-2"] [data-testid="validation-cell-error"]')
    expect(unsupported.text()).toBe('unsupported: FP8 is not modelled')
    expect(unsupported.attributes('colspan')).toBe('2')
    // The caveat is cut, its title whole.
    const caveat = wrapper.get('[data-testid="validation-row-T-10"] td.caveat')
    expect(caveat.text()).toMatch(/…$/)
    expect(caveat.attributes('title')).toMatch(/than the rest\.$/)

    expect(wrapper.get('[data-testid="validation-honest"]').text()).toContain('6.5%')
    expect(wrapper.get('[data-testid="validation-summary-all"]').text()).toContain('16.5%')
    expect(wrapper.get('[data-testid="validation-summary-stack"]').text()).toContain('TensorRT-LLM 2024')
    expect(wrapper.get('[data-testid="validation-set"]').text()).toContain('the shipped set')
    expect(wrapper.find('[data-testid="validation-scatter"] canvas').exists()).toBe(true)
    const chart = Object.values(Chart.instances)[0]!
    expect(chart.data.datasets.map((dataset) => dataset.label)).toContain('NeMo 2023')
    expect(errors).not.toHaveBeenCalled()
  })

  it('narrows the rows with a filter, and the scatter follows a chosen metric', async () => {
    const wrapper = await mountView()
    await wrapper.get('[data-testid="validation-filter-split"]').setValue('fit')
    expect(rowIds(wrapper)).toEqual(['A-1', 'T-3'])
    expect(wrapper.get('[data-testid="validation-count"]').text()).toBe('2 of 5 rows')
    await wrapper.get('[data-testid="validation-filter-split"]').setValue('')
    await wrapper.get('[data-testid="validation-filter-metric"]').setValue('ttftSeconds')
    expect(rowIds(wrapper)).toEqual(['T-3'])
    expect((wrapper.get('[data-testid="validation-scatter-metric"]').element as HTMLSelectElement).value).toBe(
      'ttftSeconds',
    )
    await wrapper.get('[data-testid="validation-filter-stack"]').setValue('nemo-2023')
    expect(wrapper.find('[data-testid="validation-table"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="validation-empty"]').text()).toContain('No row matches')
  })

  it('sorts by a column on click, turning around on the next, and says so in aria-sort', async () => {
    const wrapper = await mountView()
    const header = () => wrapper.get('[data-testid="validation-sort-error"]').element.closest('th')!
    expect(header().getAttribute('aria-sort')).toBe('none')
    await wrapper.get('[data-testid="validation-sort-error"]').trigger('click')
    expect(rowIds(wrapper)).toEqual(['T-10', 'A-2', 'A-1', 'T-3', 'T-2'])
    expect(header().getAttribute('aria-sort')).toBe('ascending')
    await wrapper.get('[data-testid="validation-sort-error"]').trigger('click')
    expect(rowIds(wrapper)).toEqual(['T-3', 'A-1', 'A-2', 'T-10', 'T-2'])
    expect(header().getAttribute('aria-sort')).toBe('descending')
  })

  it('names the bad field of a malformed file and keeps the report shown', async () => {
    const wrapper = await mountView()
    const bad = { ...measurementFile, rows: [{ ...measurementFile.rows[0], measured: 'fast' }] }
    await chooseFile(wrapper, 'bad.json', JSON.stringify(bad))
    const error = wrapper.get('[data-testid="validation-file-error"]')
    expect(error.text()).toContain('bad.json')
    expect(error.findAll('li').map((item) => item.text())).toEqual([expect.stringMatching(/^rows\.0\.measured: /)])
    expect(harness.api.validationRun).toHaveBeenCalledTimes(1)
    expect(rowIds(wrapper)).toHaveLength(5)
  })

  it('validates a good file, says which set is shown, and goes back to the shipped one', async () => {
    const wrapper = await mountView()
    const own: ValidationReport = {
      ...validationViewReport({ measurements: 'mine.json' }),
      rows: [validationRow('MINE-1', { hardware: 'dgx-h100' })],
    }
    harness.api.validationRun.mockResolvedValueOnce(own)
    await chooseFile(wrapper, 'mine.json', JSON.stringify(measurementFile))
    expect(harness.api.validationRun).toHaveBeenLastCalledWith({
      measurements: expect.objectContaining({ rows: [expect.objectContaining({ id: 'MINE-1' })] }),
      measurementsName: 'mine.json',
    })
    expect(rowIds(wrapper)).toEqual(['MINE-1'])
    expect(wrapper.get('[data-testid="validation-set"]').text()).toContain('mine.json')
    // Export report reports the set shown: the file, not the shipped one.
    harness.api.reportsExport.mockResolvedValueOnce({ fileName: 'v.html', mimeType: 'text/html', base64: '' })
    await wrapper.get('[data-testid="report-export"]').trigger('click')
    await flushPromises()
    expect(harness.api.reportsExport).toHaveBeenLastCalledWith({
      validation: {
        measurements: expect.objectContaining({ rows: [expect.objectContaining({ id: 'MINE-1' })] }),
        measurementsName: 'mine.json',
      },
      format: 'html',
    })

    await wrapper.get('[data-testid="validation-shipped"]').trigger('click')
    await flushPromises()
    // The shipped report was kept: not simulated again.
    expect(harness.api.validationRun).toHaveBeenCalledTimes(2)
    expect(rowIds(wrapper)).toHaveLength(5)
    expect(wrapper.find('[data-testid="validation-shipped"]').exists()).toBe(false)
  })

  it('shows loading while the set is simulated, then an error with a retry', async () => {
    let fail: (error: Error) => void = () => {}
    harness.api.validationRun.mockImplementationOnce(
      () => new Promise<ValidationReport>((_resolve, reject) => (fail = reject)),
    )
    const wrapper = await mountView()
    expect(wrapper.find('[data-testid="validation-loading"]').exists()).toBe(true)
    fail(new Error('worker died'))
    await flushPromises()
    expect(wrapper.find('[data-testid="validation-loading"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="validation-run-error"]').text()).toContain('worker died')

    await wrapper.get('[data-testid="validation-run-error"] button').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="validation-run-error"]').exists()).toBe(false)
    expect(rowIds(wrapper)).toHaveLength(5)
  })
})
