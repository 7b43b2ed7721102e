import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { WorkbenchPage } from './pages/workbenchPage'
import { launchBrowser } from './harness'
import { serveWorkbench, type ServedWorkbench } from './serveProcess'

const scratch = mkdtempSync(join(tmpdir(), 'memwall-e2e-'))
let served: ServedWorkbench
let context: BrowserContext
let workbench: WorkbenchPage

beforeAll(async () => {
  served = await serveWorkbench(join(scratch, 'e2e.db'))
  context = await launchBrowser(join(scratch, 'profile'), { viewport: { width: 1280, height: 860 } })
  workbench = new WorkbenchPage(context.pages()[0] ?? (await context.newPage()), served.url)
})

afterAll(async () => {
  await context?.close()
  await served?.stop()
  rmSync(scratch, { recursive: true, force: true })
})

describe('the workbench in Chromium, through memwall serve', () => {
  let runId = 0

  it('opens with no console errors', async () => {
    await workbench.goto()
    await expect.poll(() => workbench.page.title()).toMatch(/Memwall Workbench/)
  })

  it('starts a run, follows it to the end and draws the chart', async () => {
    runId = await workbench.startRun({
      name: 'e2e chatbot',
      systems: ['sn40l-node', 'dgx-h100', 'dgx-a100'],
      batch: 1,
      promptTokens: 128,
      outputTokens: 2000,
      label: 'from Chromium',
    })
    expect(runId).toBeGreaterThan(0)
    await workbench.waitForStatus('finished')
    expect(await workbench.progressPercent()).toBe(100)
    expect(await workbench.paintedPixels('time-per-system-chart')).toBeGreaterThan(1000)
    expect(await workbench.paintedPixels('breakdown-chart')).toBeGreaterThan(1000)
    expect(await workbench.paintedPixels('roofline-chart')).toBeGreaterThan(1000)
    await expect
      .poll(() => workbench.page.getByTestId('metrics-table').textContent())
      .toContain('SN40L node (8 sockets)')
    workbench.expectNoErrors()
  })

  it('still lists the run after a reload', async () => {
    await workbench.page.reload()
    await workbench.page.getByTestId('nav-runs').click()
    const row = workbench.page.getByTestId(`run-row-${runId}`)
    await row.waitFor()
    expect(await workbench.page.getByTestId(`run-status-${runId}`).textContent()).toContain('finished')
    expect(await row.textContent()).toContain('e2e chatbot')
    workbench.expectNoErrors()
  })

  it('runs a system in a mode the user picks and shows it on the result page', async () => {
    await workbench.page.getByTestId('nav-scenarios').click()
    await workbench.page.getByTestId('system-sn40l-node').setChecked(true)
    await workbench.page.getByTestId('mode-sn40l-node').selectOption('unfused')
    await workbench.page.getByTestId('output-tokens-input').fill('20')
    await workbench.startAndOpen()
    await workbench.waitForStatus('finished')
    await expect.poll(() => workbench.page.getByTestId('metrics-table').textContent()).toContain('unfused')
    workbench.expectNoErrors()
  })

  it('serves a Composition of Experts under traffic and draws its latency CDF', async () => {
    const page = workbench.page
    await page.getByTestId('nav-scenarios').click()
    await page.getByTestId('output-tokens-input').fill('20')
    await page.getByTestId('serving-enabled').setChecked(true)
    await page.getByTestId('serving-experts').fill('20')
    await page.getByTestId('serving-rate').fill('2')
    await page.getByTestId('serving-requests').fill('500')
    await workbench.startAndOpen()
    await workbench.waitForStatus('finished')
    await expect.poll(() => page.getByTestId('serving-table').textContent()).toContain('SN40L node (8 sockets)')
    expect(await page.getByTestId('serving-table').textContent()).toContain('500 / 500')
    expect(await workbench.paintedPixels('serving-cdf-chart')).toBeGreaterThan(1000)
    expect(await workbench.paintedPixels('serving-latency-chart')).toBeGreaterThan(1000)
    await page.getByTestId('serving-series-select').selectOption('switches')
    expect(await workbench.paintedPixels('serving-series-chart')).toBeGreaterThan(1000)
    workbench.expectNoErrors()
  })

  it('shows the field path when the API rejects the form', async () => {
    await workbench.page.getByTestId('nav-scenarios').click()
    await workbench.page.getByTestId('prompt-tokens-input').fill('4000')
    await workbench.page.getByTestId('output-tokens-input').fill('500')
    await workbench.page.getByTestId('start-run').click()
    await expect.poll(() => workbench.page.getByTestId('form-error').textContent()).toContain('workload.outputTokens')
  })
})
