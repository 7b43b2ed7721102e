import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { ResultsPage } from './pages/resultsPage'
import { WorkbenchPage } from './pages/workbenchPage'
import { callApi, launchBrowser } from './harness'
import { serveWorkbench, type ServedWorkbench } from './serveProcess'

const scratch = mkdtempSync(join(tmpdir(), 'memwall-e2e-results-'))
let served: ServedWorkbench
let context: BrowserContext
let workbench: WorkbenchPage
let results: ResultsPage

const call = <T>(channel: string, input: unknown): Promise<T> => callApi<T>(served, channel, input)

/** A small CoE served under traffic, so the result has latency, switching and hit-rate figures. */
function scenario(name: string, systems: string[], batch: number) {
  return {
    name,
    systems,
    workload: { model: 'llama2-7b', batch, promptTokens: 128, outputTokens: 20 },
    serving: {
      experts: 100,
      traffic: { kind: 'poisson', rate: 1.5 },
      requests: 1000,
      routing: { kind: 'zipf', exponent: 1 },
    },
  }
}

async function startAndFinish(name: string, systems: string[], batch: number): Promise<number> {
  const { id } = await call<{ id: number }>('wb:runs.start', { scenario: scenario(name, systems, batch), label: name })
  await expect
    .poll(async () => (await call<{ status: string }>('wb:runs.get', { runId: id })).status, { timeout: 45_000 })
    .toBe('finished')
  return id
}

beforeAll(async () => {
  served = await serveWorkbench(join(scratch, 'results.db'))
  context = await launchBrowser(join(scratch, 'profile'))
  workbench = new WorkbenchPage(context.pages()[0] ?? (await context.newPage()), served.url)
  results = new ResultsPage(workbench.page)
})

afterAll(async () => {
  await context?.close()
  await served?.stop()
  rmSync(scratch, { recursive: true, force: true })
})

describe('results and compare in Chromium', () => {
  let twoSystems = 0
  let threeSystems = 0

  it('opens a result with headline cards and charts', async () => {
    // Started through the host's API, as history.e2e.test.ts does: the form has its own test.
    twoSystems = await startAndFinish('results e2e two systems', ['sn40l-node', 'dgx-h100'], 1)
    threeSystems = await startAndFinish('results e2e three systems', ['sn40l-node', 'dgx-h100', 'dgx-a100'], 1)
    await workbench.goto('#/runs')
    await results.openResult(twoSystems)

    const cards = await results.headlineTexts()
    expect(cards.length).toBeGreaterThanOrEqual(2) // a speedup and a model-switch ratio
    for (const text of cards) expect(text).toContain('×')
    expect(cards.join(' ')).toMatch(/SN40L node \(8 sockets\) is [\d.]+× faster than DGX H100/)
    for (const chart of ['time-per-system-chart', 'breakdown-chart', 'roofline-chart', 'serving-cdf-chart'])
      await results.expectCanvas(chart)
    expect(await workbench.paintedPixels('serving-latency-chart')).toBeGreaterThan(0)
    // The DGX runs its paper pairing; the validation of the shipped set arrives after the page.
    expect(await results.stackTrust('dgx-h100')).toContain('NeMo 2023')
    await expect
      .poll(() => results.stackTrust('dgx-h100'), { timeout: 30_000 })
      .toMatch(/[+−]\d+\.\d%|no published measurement/)
    expect(existsSync(await results.screenshot('1-result'))).toBe(true)
    workbench.expectNoErrors()
  })

  it('compares the two runs: scenario differences first, then deltas against the chosen baseline', async () => {
    await results.openCompare()
    await results.pick([twoSystems, threeSystems])
    await results.screenshot('2-compare-picked')

    await results.chooseBaseline(threeSystems)
    await expect.poll(() => results.scenarioDifferences(twoSystems)).toEqual(['systems: −dgx-a100'])
    await results.chooseBaseline(twoSystems)
    await expect.poll(() => results.scenarioDifferences(threeSystems)).toEqual(['systems: +dgx-a100'])

    // Same scenario but for the A100, same seed: the SN40L's latency is unchanged against the baseline.
    expect(await results.cell('relative', 'sn40l-node:servingLatencyMean', threeSystems)).toBe('±0.0%')
    expect(await results.cell('value', 'dgx-a100:servingLatencyMean', threeSystems)).toMatch(/\d (ms|s)$/)
    expect(await results.cell('value', 'dgx-a100:servingLatencyMean', twoSystems)).toBe('—')
    await results.expectCanvas('compare-speedup-chart')
    await results.expectCanvas('compare-switch-chart')
    // Serving runs carry each system's machines for their experts: the footprint is drawn.
    await results.expectCanvas('compare-footprint-chart')
    expect(existsSync(await results.screenshot('3-compare-baseline'))).toBe(true)
    workbench.expectNoErrors()
  })

  it('exports the comparison as a report from the compare view', async () => {
    const page = workbench.page
    await page.getByTestId('report-format').first().selectOption('html')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-export').first().click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^memwall-report-runs-\d+-\d+\.html$/)
    const file = join(mkdtempSync(join(tmpdir(), 'memwall-report-')), download.suggestedFilename())
    await download.saveAs(file)
    const html = readFileSync(file, 'utf8')
    for (const id of [twoSystems, threeSystems]) expect(html).toContain(`#${id}`)
    expect(html).toContain('Summary of findings')
    expect(html).not.toMatch(/\s(src|href)\s*=/i)

    await page.getByTestId('report-format').first().selectOption('csv')
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').first().click()])
    const csvFile = join(mkdtempSync(join(tmpdir(), 'memwall-report-')), csv.suggestedFilename())
    await csv.saveAs(csvFile)
    expect(readFileSync(csvFile, 'utf8').split('\n')[0]).toBe('run_id,label,system,metric,value,unit')
    expect(existsSync(await results.screenshot('4-compare-exported'))).toBe(true)
    workbench.expectNoErrors()
  })
})
