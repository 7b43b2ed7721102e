import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { PaperPage } from './pages/paperPage'
import { luminanceOf, ShellPage, VIEWS } from './pages/shellPage'
import { WorkbenchPage } from './pages/workbenchPage'
import { callApi, launchBrowser } from './harness'
import { serveWorkbench, type ServedWorkbench } from './serveProcess'

// Served requests that keep a run busy for several seconds (2M take about 6 s on one core).
const LONG_REQUESTS = 3_000_000

const scratch = mkdtempSync(join(tmpdir(), 'memwall-e2e-shell-'))
let served: ServedWorkbench
let context: BrowserContext
let workbench: WorkbenchPage
let shell: ShellPage
let paper: PaperPage

const call = <T>(channel: string, input: unknown): Promise<T> => callApi<T>(served, channel, input)

function longServingScenario(name: string): unknown {
  const scenario = JSON.parse(readFileSync('resources/scenarios/coe-serving-100-experts.json', 'utf8')) as {
    name: string
    serving: { requests: number }
  }
  return { ...scenario, name, serving: { ...scenario.serving, requests: LONG_REQUESTS } }
}

beforeAll(async () => {
  served = await serveWorkbench(join(scratch, 'shell.db'))
  context = await launchBrowser(join(scratch, 'profile'), { viewport: { width: 1280, height: 860 } })
  workbench = new WorkbenchPage(context.pages()[0] ?? (await context.newPage()), served.url)
  shell = new ShellPage(workbench.page)
  paper = new PaperPage(workbench.page)
})

afterAll(async () => {
  await context?.close()
  await served?.stop()
  rmSync(scratch, { recursive: true, force: true })
})

describe('the shell in Chromium: navigation, last view, active runs, paper check, themes, narrow window', () => {
  it('reaches every view from the sidebar', async () => {
    await workbench.goto()
    for (const view of VIEWS) {
      await shell.navigate(view)
      await shell.screenshot(`nav-${view.name}`)
    }
    workbench.expectNoErrors()
  })

  it('opens the last view again after a reload at `/`', async () => {
    await shell.navigate(VIEWS[2]) // compare
    await workbench.page.goto(served.url) // `/`, no hash
    await workbench.page.waitForURL((url) => url.hash === '#/compare')
    await workbench.page.locator('main h1', { hasText: 'Compare' }).waitFor()
    await shell.screenshot('last-view-restored')
    workbench.expectNoErrors()
  })

  it('shows the paper check: experiments, simulated beside published, and a chart each', async () => {
    await paper.open()
    // memwall paper: CoE at batch 8, 20 tokens over the DGX H100, beside the published 3.7×; the
    // headline row shows the same simulated figure as the CoE table.
    const coe = await paper.rowCells('coe', 'b8-t20-dgx-h100')
    expect(coe[0]).toMatch(/^batch 8, 20 tokens, \d+ experts, vs DGX H100$/)
    expect(coe[3]).toMatch(/^\d+\.\d×$/)
    expect(coe[5]).toBe('3.7×')
    expect(await paper.rowCells('headlines', 'coe-dgx-h100')).toEqual(
      expect.arrayContaining(['CoE, batch 8, 20 tokens, vs DGX H100', coe[3], '3.7×']),
    )
    expect(await paper.experimentIds()).toEqual([
      'paper-headlines',
      'paper-coe',
      'paper-current-gpu-stack',
      'paper-switching',
      'paper-footprint',
      'paper-fusion',
      'paper-monarch',
      'paper-gpu-baseline',
      'paper-llama31',
      'paper-assumptions',
    ])
    const charts = ['headlines', 'coe', 'current-gpu-stack', 'switching', 'footprint', 'fusion', 'monarch']
    for (const id of [...charts, 'gpu-baseline', 'llama31'])
      expect(await workbench.paintedPixels(`paper-chart-${id}`), id).toBeGreaterThan(1000)
    // The CoE claim again with the DGXs on TensorRT-LLM 2024, beside the published 3.7×.
    expect(await paper.rowCells('current-gpu-stack', 'coe-dgx-h100-trtllm-2024')).toEqual(
      expect.arrayContaining(['CoE, batch 8, 20 tokens, vs DGX H100 on TensorRT-LLM 2024', '3.7×']),
    )
    expect(await workbench.page.getByTestId('paper-assumptions').textContent()).toContain('hostLinkModel')
    await shell.screenshot('paper-light')

    await paper.chooseHostLinks('perGpuLinks')
    expect(await paper.experiment('headlines').textContent()).toContain('perGpuLinks host links')
    await shell.screenshot('paper-per-gpu-links')
    await paper.chooseHostLinks('paper')
    workbench.expectNoErrors()
  })

  it('follows two runs in the active-runs panel, cancels one there while the other goes on', async () => {
    await shell.navigate(VIEWS[1]) // runs
    const first = await call<{ id: number }>('wb:runs.start', { scenario: longServingScenario('shell e2e: kept') })
    const second = await call<{ id: number }>('wb:runs.start', {
      scenario: longServingScenario('shell e2e: cancelled'),
    })
    await shell.activeRun(first.id).waitFor()
    await shell.activeRun(second.id).waitFor()
    await expect.poll(() => shell.progressOf(first.id), { timeout: 20_000 }).toBeGreaterThan(0)
    await expect.poll(() => shell.timingOf(first.id), { timeout: 20_000 }).toMatch(/^\d+:\d\d · ~\d+:\d\d left$/)
    await shell.screenshot('active-runs-two')

    await shell.cancelFromPanel(second.id)
    await expect
      .poll(async () => (await call<{ status: string }>('wb:runs.get', { runId: second.id })).status)
      .toBe('cancelled')
    expect(await workbench.page.getByTestId(`ended-run-link-${second.id}`).textContent()).toContain('cancelled')
    const before = await shell.progressOf(first.id).catch(() => 100)
    await shell.screenshot('active-runs-cancelled')

    // The other goes on to the end and leaves the panel with a link to its result.
    const link = workbench.page.getByTestId(`ended-run-link-${first.id}`)
    await link.waitFor({ timeout: 60_000 })
    expect(before).toBeLessThan(100)
    expect(await link.textContent()).toContain('finished')
    await shell.screenshot('active-runs-finished')
    await link.click()
    await workbench.page.waitForURL(new RegExp(`#/runs/${first.id}$`))
    workbench.expectNoErrors()
  })

  it('follows a dark system theme with a dark background', async () => {
    const light = await shell.backgroundColor()
    await workbench.page.emulateMedia({ colorScheme: 'dark' })
    const dark = await shell.backgroundColor()
    expect(luminanceOf(light)).toBeGreaterThan(0.9)
    expect(luminanceOf(dark)).toBeLessThan(0.05)
    await shell.screenshot('dark-run')
    await paper.open()
    expect(await workbench.paintedPixels('paper-chart-coe')).toBeGreaterThan(1000)
    await shell.screenshot('paper-dark')
    await workbench.page.emulateMedia({ colorScheme: 'light' })
    workbench.expectNoErrors()
  })

  it('fits a 1024×700 window: no view scrolls sideways', async () => {
    await workbench.page.setViewportSize({ width: 1024, height: 700 })
    for (const view of VIEWS) {
      await shell.navigate(view)
      if (view.name === 'paper') await paper.experiment('headlines').waitFor()
      await shell.expectNoHorizontalOverflow()
      await shell.screenshot(`narrow-${view.name}`)
    }
    workbench.expectNoErrors()
  })
})
