import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { HistoryPage } from './pages/historyPage'
import { WorkbenchPage } from './pages/workbenchPage'
import { callApi, launchBrowser } from './harness'
import { serveWorkbench, type ServedWorkbench } from './serveProcess'

const LABEL = 'history e2e'
const TAG = 'e2e-history'

const scratch = mkdtempSync(join(tmpdir(), 'memwall-e2e-history-'))
let source: ServedWorkbench
let target: ServedWorkbench | undefined
let context: BrowserContext
let workbench: WorkbenchPage
let history: HistoryPage

const call = callApi

beforeAll(async () => {
  source = await serveWorkbench(join(scratch, 'source.db'))
  context = await launchBrowser(join(scratch, 'profile'))
  workbench = new WorkbenchPage(context.pages()[0] ?? (await context.newPage()), source.url)
  history = new HistoryPage(workbench.page)
})

afterAll(async () => {
  await context?.close()
  await source?.stop()
  await target?.stop()
  rmSync(scratch, { recursive: true, force: true })
})

describe('run history in Chromium: tag, filter, replay, delete and undo, export and import', () => {
  let runId = 0
  let bundlePath = ''

  it('lists a run started through the host once it finishes', async () => {
    // A small scenario through the API: the form is covered by workbench.e2e.test.ts.
    const started = await call<{ id: number }>(source, 'wb:runs.start', {
      scenario: {
        name: 'history chatbot',
        systems: ['sn40l-node', 'dgx-h100'],
        workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20 },
      },
      label: LABEL,
    })
    runId = started.id
    await expect
      .poll(async () => (await call<{ status: string }>(source, 'wb:runs.get', { runId })).status, { timeout: 30_000 })
      .toBe('finished')
    await workbench.goto()
    await history.open()
    await history.row(runId).waitFor()
    expect(await workbench.page.getByTestId(`run-status-${runId}`).textContent()).toContain('finished')
    expect(await history.row(runId).textContent()).toContain(LABEL)
    workbench.expectNoErrors()
  })

  it('tags the run in the list and filters by that tag, keeping the filter across a reload', async () => {
    await history.addTag(runId, TAG)
    await history.filterByTag(TAG)
    await history.expectRowCount(runId, 1)
    await workbench.page.reload()
    await history.row(runId).waitFor()
    expect(await workbench.page.getByTestId('filter-tag').inputValue()).toBe(TAG)

    await history.open('tag=some-other-tag')
    await history.expectRowCount(runId, 0)
    expect(await workbench.page.getByTestId('runs-table').textContent()).toContain('No runs match these filters.')
    await history.open()
    await history.expectRowCount(runId, 1)
    workbench.expectNoErrors()
  })

  it('replays the run from its page and finds it reproduced', async () => {
    await history.row(runId).click()
    await workbench.page.waitForURL(new RegExp(`#/runs/${runId}$`))
    expect(await history.replay()).toBe('Reproduced')
    await workbench.page.goBack()
    await history.row(runId).waitFor()
    workbench.expectNoErrors()
  })

  it('deletes the run and brings it back with Undo', async () => {
    await history.select(runId)
    await workbench.page.getByTestId('runs-delete').click()
    await history.expectRowCount(runId, 0)
    expect(await workbench.page.getByTestId('undo-banner').textContent()).toContain('Deleted 1 run')
    await workbench.page.getByTestId('undo-button').click()
    await history.expectRowCount(runId, 1)
    await workbench.page.getByTestId('undo-banner').waitFor({ state: 'detached' })
    workbench.expectNoErrors()
  })

  it('exports the run as a bundle file', async () => {
    await history.select(runId)
    const download = await history.exportSelected()
    expect(download.suggestedFilename()).toBe(`memwall-runs-${runId}.json`)
    bundlePath = join(scratch, download.suggestedFilename())
    await download.saveAs(bundlePath)
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as {
      runs: { sourceRunId: number; label: string; tags: string[] }[]
    }
    expect(bundle.runs).toHaveLength(1)
    expect(bundle.runs[0]).toMatchObject({ sourceRunId: runId, label: LABEL, tags: [TAG] })
    workbench.expectNoErrors()
  })

  it('imports the file into a second host with a fresh database', async () => {
    target = await serveWorkbench(join(scratch, 'target.db'))
    const page = await context.newPage()
    const fresh = new WorkbenchPage(page, target.url)
    const freshHistory = new HistoryPage(page)
    await fresh.goto('#/runs')
    await freshHistory.open()
    await freshHistory.importFile(bundlePath, 'Imported 1 run, 0 duplicates')
    const row = page.locator('[data-testid^="run-row-"]', { hasText: LABEL })
    await row.waitFor()
    expect(await row.textContent()).toContain(TAG)
    expect(await page.getByTestId('page-range').textContent()).toBe('1–1 of 1')

    // The same file again stores nothing twice.
    await freshHistory.importFile(bundlePath, 'Imported 0 runs, 1 duplicate')
    fresh.expectNoErrors()
    await page.close()
  })
})
