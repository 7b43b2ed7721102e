// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { WorkbenchError } from '../../../../contract/channels'
import { reportBytes } from '../../../../renderer/src/viewModels/reportDownload'
import { createFakeApi } from '../fakeApi'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))
const download = vi.hoisted(() => vi.fn())
vi.mock('../../../../renderer/src/viewModels/reportDownload.ts', async (original) => ({
  ...(await original<object>()),
  downloadReport: download,
}))

const { default: ReportExportButton } = await import('../../../../renderer/src/components/ReportExportButton.vue')

let harness: ReturnType<typeof createFakeApi>
beforeEach(() => {
  harness = createFakeApi()
  fake.current = harness.api
  download.mockClear()
})

describe('ReportExportButton', () => {
  it('asks for the chosen format of the given runs with their baseline, and downloads the answer', async () => {
    const wrapper = mount(ReportExportButton, { props: { runIds: [4, 9], baselineRunId: 9 } })
    await wrapper.get('[data-testid="report-format"]').setValue('csv')
    await wrapper.get('[data-testid="report-export"]').trigger('click')
    await flushPromises()
    expect(harness.api.reportsExport).toHaveBeenCalledWith({ runIds: [4, 9], format: 'csv', baselineRunId: 9 })
    expect(download).toHaveBeenCalledWith(expect.objectContaining({ fileName: 'memwall-report-runs-1.html' }))
  })

  it('asks for the paper check under the host-link model shown', async () => {
    const wrapper = mount(ReportExportButton, { props: { paper: true, hostLinkModel: 'perGpuLinks' } })
    await wrapper.get('[data-testid="report-export"]').trigger('click')
    await flushPromises()
    expect(harness.api.reportsExport).toHaveBeenCalledWith({
      paper: true,
      format: 'html',
      hostLinkModel: 'perGpuLinks',
    })
  })

  it('is disabled with no runs, and shows the API’s error', async () => {
    expect(
      mount(ReportExportButton, { props: { runIds: [] } })
        .get('button')
        .attributes('disabled'),
    ).toBeDefined()
    harness.api.reportsExport.mockRejectedValueOnce(
      new WorkbenchError('conflict', 'run 4 is failed: only finished runs'),
    )
    const wrapper = mount(ReportExportButton, { props: { runIds: [4] } })
    await wrapper.get('[data-testid="report-export"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="report-error"]').text()).toBe('run 4 is failed: only finished runs')
    expect(download).not.toHaveBeenCalled()
  })
})

describe('reportBytes', () => {
  it('decodes the base64 body byte for byte', () => {
    const bytes = reportBytes({ fileName: 'x.pdf', mimeType: 'application/pdf', base64: btoa('%PDF-\u00ff') })
    expect([...bytes]).toEqual([37, 80, 68, 70, 45, 255])
  })
})
