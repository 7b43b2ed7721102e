import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { ValidationPage } from './pages/validationPage'
import { WorkbenchPage } from './pages/workbenchPage'
import { launchBrowser } from './harness'
import { serveWorkbench, type ServedWorkbench } from './serveProcess'

const scratch = mkdtempSync(join(tmpdir(), 'memwall-e2e-validation-'))
let served: ServedWorkbench
let context: BrowserContext
let workbench: WorkbenchPage
let validation: ValidationPage

/** The shipped set, so the test follows the file rather than a count copied from it. */
const shipped = JSON.parse(readFileSync('resources/validation/measurements.json', 'utf8')) as {
  rows: { id: string; split: string }[]
}

beforeAll(async () => {
  served = await serveWorkbench(join(scratch, 'validation.db'))
  context = await launchBrowser(join(scratch, 'profile'))
  workbench = new WorkbenchPage(context.pages()[0] ?? (await context.newPage()), served.url)
  validation = new ValidationPage(workbench.page)
})

afterAll(async () => {
  await context?.close()
  await served?.stop()
  rmSync(scratch, { recursive: true, force: true })
})

describe('the validation view in Chromium', () => {
  it('lists the shipped measurements beside the model, with the scatter', async () => {
    await workbench.goto()
    await validation.open()
    expect(shipped.rows).toHaveLength(41)
    await expect.poll(() => validation.rows().count()).toBe(41)
    // NeMo on one A100, batch 1: a fit row, scored.
    expect(await validation.errorOf('NM-A100-7B-TP1-B1')).toMatch(/^[+−]\d+\.\d%$/)
    expect(await workbench.paintedPixels('validation-scatter')).toBeGreaterThan(0)
    await expect.poll(() => workbench.page.getByTestId('validation-honest').textContent()).toMatch(/\d+\.\d%/)

    await validation.filter('split', 'check')
    const checks = shipped.rows.filter((row) => row.split === 'check').length
    await expect.poll(() => validation.rows().count()).toBe(checks)
    expect(checks).toBeLessThan(41)
    expect(existsSync(await validation.screenshot('check-rows'))).toBe(true)
    workbench.expectNoErrors()
  })

  it('names the bad field of a malformed measurements file and keeps the report', async () => {
    const bad = JSON.parse(readFileSync('resources/validation/measurements.json', 'utf8')) as {
      rows: Record<string, unknown>[]
    }
    bad.rows[0]!.measured = -1
    await validation.loadFile('bad-measurements.json', JSON.stringify(bad))
    const issues = await validation.fileIssues()
    expect(issues).toEqual([expect.stringMatching(/^rows\.0\.measured: /)])
    await expect.poll(() => validation.rows().count()).toBeGreaterThan(0)
    expect(existsSync(await validation.screenshot('bad-file'))).toBe(true)
    workbench.expectNoErrors()
  })
})
