import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { SweepsPage } from './pages/sweepsPage'
import { WorkbenchPage } from './pages/workbenchPage'
import { callApi, launchBrowser } from './harness'
import { serveWorkbench, type ServedWorkbench } from './serveProcess'

const scratch = mkdtempSync(join(tmpdir(), 'memwall-e2e-sweeps-'))
let served: ServedWorkbench
let context: BrowserContext
let workbench: WorkbenchPage
let sweeps: SweepsPage

const call = <T>(channel: string, input: unknown): Promise<T> => callApi<T>(served, channel, input)

const SCENARIO = 'sweeps e2e: 100 experts under traffic'

beforeAll(async () => {
  served = await serveWorkbench(join(scratch, 'sweeps.db'))
  // coe-serving-100-experts.json, made heavier per point (more requests), so that the sweep
  // below runs long enough to be cancelled from the page.
  await call('wb:scenarios.save', {
    scenario: {
      name: SCENARIO,
      systems: ['sn40l-node', 'dgx-h100', 'dgx-a100'],
      workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20 },
      serving: {
        experts: 100,
        traffic: { kind: 'poisson', rate: 1.5 },
        requests: 60_000,
        routing: { kind: 'zipf', exponent: 1 },
        cachePolicy: 'lru',
        maxBatch: 8,
      },
    },
  })
  context = await launchBrowser(join(scratch, 'profile'), { viewport: { width: 1024, height: 700 } })
  workbench = new WorkbenchPage(context.pages()[0] ?? (await context.newPage()), served.url)
  sweeps = new SweepsPage(workbench.page)
})

afterAll(async () => {
  await context?.close()
  await served?.stop()
  rmSync(scratch, { recursive: true, force: true })
})

describe('sweeps in Chromium', () => {
  let id = 0

  it('starts a two-field sweep from the form and cancels it while it runs', async () => {
    await workbench.goto('#/scenarios')
    await sweeps.open()
    expect(existsSync(await sweeps.screenshot('1-empty'))).toBe(true)
    id = await sweeps.start({
      scenario: SCENARIO,
      axes: [
        { path: 'serving.experts', values: '10..1000:x8' }, // 10, 19, 37, 72, 139, 268, 518, 1000
        { path: 'workload.batch', values: '1..16:1' },
      ],
    })
    expect(id).toBeGreaterThan(0)
    expect(await sweeps.gridSize()).toContain('128 points')
    // Progress arrives by onSweepUpdated; cancel once some points are done, well before the last.
    await expect
      .poll(async () => (await sweeps.progress(id)).done, { timeout: 10_000, interval: 50 })
      .toBeGreaterThan(0)
    await sweeps.cancel(id)
    await sweeps.waitForStatus(id, 'cancelled')
    const { done, points } = await sweeps.progress(id)
    expect(points).toBe(128)
    expect(done).toBeLessThan(points)
    expect(existsSync(await sweeps.screenshot('2-cancelled'))).toBe(true)
    workbench.expectNoErrors()
  })

  it('resumes the cancelled sweep and follows it to the end', async () => {
    await sweeps.resume(id)
    await expect.poll(() => sweeps.status(id), { timeout: 10_000 }).toMatch(/queued|running|finished/)
    await sweeps.waitForStatus(id, 'finished', 60_000)
    expect(await sweeps.progress(id)).toEqual({ done: 128, points: 128 })
    expect(existsSync(await sweeps.screenshot('3-finished'))).toBe(true)
    workbench.expectNoErrors()
  })

  it('opens the sweep’s heatmaps and its crossovers', async () => {
    await sweeps.openSweep(id)
    await workbench.page.getByTestId('sweep-heatmap').waitFor()
    await sweeps.chooseMetric('machinesForExperts')
    // 8 expert counts × 16 batch sizes, every point done
    expect(await sweeps.heatmapValues('dgx-h100')).toHaveLength(128)
    const crossovers = await sweeps.crossovers()
    expect(crossovers.length).toBeGreaterThan(0)
    expect(crossovers.join('\n')).toMatch(/dgx-h100 needs \d+ machines above \d+ experts/)
    expect(existsSync(await sweeps.screenshot('4-heatmap-crossovers'))).toBe(true)
    await sweeps.chooseMetric('servingLatencyP50')
    expect(existsSync(await sweeps.screenshot('5-heatmap-latency'))).toBe(true)
    workbench.expectNoErrors()
  })

  it('runs a sensitivity tornado on the sweep’s scenario', async () => {
    await sweeps.runSensitivity({ metric: 'servingLatencyP50', system: 'dgx-h100', stepPercent: 20 })
    expect(await workbench.paintedPixels('sensitivity-tornado')).toBeGreaterThan(0)
    const rows = await sweeps.sensitivityRows()
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.join(' ')).toContain('dgx-h100')
    await workbench.page.getByTestId('sensitivity-panel').scrollIntoViewIfNeeded()
    expect(existsSync(await sweeps.screenshot('6-sensitivity'))).toBe(true)
    workbench.expectNoErrors()
  })
})
