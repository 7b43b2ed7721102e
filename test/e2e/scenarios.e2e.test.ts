import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { ScenariosPage } from './pages/scenariosPage'
import { WorkbenchPage } from './pages/workbenchPage'
import { launchBrowser } from './harness'
import { serveWorkbench, type ServedWorkbench } from './serveProcess'

const scratch = mkdtempSync(join(tmpdir(), 'memwall-e2e-scenarios-'))
let served: ServedWorkbench
let context: BrowserContext
let workbench: WorkbenchPage
let scenarios: ScenariosPage

beforeAll(async () => {
  served = await serveWorkbench(join(scratch, 'e2e.db'))
  context = await launchBrowser(join(scratch, 'profile'), { viewport: { width: 1024, height: 700 } })
  const page = context.pages()[0] ?? (await context.newPage())
  workbench = new WorkbenchPage(page, served.url)
  scenarios = new ScenariosPage(page)
})

afterAll(async () => {
  await context?.close()
  await served?.stop()
  rmSync(scratch, { recursive: true, force: true })
})

describe('the Scenarios view in Chromium, through memwall serve', () => {
  let id = 0

  it('starts empty and says what to do', async () => {
    await workbench.goto('#/scenarios')
    await scenarios.open()
    await expect.poll(() => scenarios.byTestId('library-empty').textContent()).toContain('No saved scenarios yet')
    await scenarios.screenshot('empty')
  })

  it('creates a scenario from a preset', async () => {
    id = await scenarios.createFromPreset('llama2-7b', ['sn40l-node', 'dgx-h100'])
    expect(await scenarios.names()).toEqual(['Llama 2 7B on SN40L node (8 sockets), DGX H100 (8x H100 80GB)'])
    expect(await scenarios.byTestId('system-dgx-h100').isChecked()).toBe(true)
    await scenarios.screenshot('created')
  })

  it('clones a system into a custom one and flags an invalid value beside its field', async () => {
    await scenarios.cloneSystem('dgx-h100')
    await scenarios.byTestId('custom-0-chip-hbmBandwidth').waitFor()
    expect(await scenarios.byTestId('system-my-dgx-h100').isChecked()).toBe(true)

    await scenarios.byTestId('custom-0-chip-memoryEfficiency').fill('1.7')
    expect(await scenarios.fieldError('custom-0-chip-memoryEfficiency')).toBe(
      'Memory efficiency: Too big: expected number to be <=1',
    )
    await scenarios.centre('custom-0-chip-memoryEfficiency')
    await scenarios.screenshot('custom-invalid')

    await scenarios.byTestId('custom-0-chip-memoryEfficiency').fill('0.75')
    await scenarios.byTestId('custom-0-chip-hbmBandwidth').fill('4000') // GB/s
    expect(await scenarios.fieldError('custom-0-chip-memoryEfficiency')).toBeNull()
    await scenarios.centre('custom-0-chip-hbmBandwidth')
    await scenarios.screenshot('custom-valid')
  })

  it('shows an error from the main process beside the field it names', async () => {
    await scenarios.byTestId('prompt-tokens-input').fill('4000')
    await scenarios.byTestId('output-tokens-input').fill('500')
    await scenarios.byTestId('save-scenario').click()
    await expect.poll(() => scenarios.fieldError('output-tokens-input')).toContain("exceeds llama2-7b's context window")
    await scenarios.centre('output-tokens-input')
    await scenarios.screenshot('api-error')
    await scenarios.byTestId('prompt-tokens-input').fill('128')
    await scenarios.byTestId('output-tokens-input').fill('32')
  })

  it('saves the edited scenario', async () => {
    await scenarios.save()
    // An edited configuration is stored as a new row: the library shows it in place of the old one.
    id = await scenarios.currentId()
    expect(await scenarios.names()).toHaveLength(1)
    await scenarios.screenshot('saved')
  })

  it('duplicates and renames it', async () => {
    await scenarios.byTestId(`scenario-duplicate-${id}`).click()
    await expect.poll(() => scenarios.names()).toHaveLength(2)
    const copy = await scenarios.currentId()
    expect(copy).not.toBe(id)
    expect(await scenarios.byTestId(`scenario-name-${copy}`).textContent()).toMatch(/\(copy\)$/)
    await scenarios.rename(copy, 'H100 with faster HBM')
    expect(await scenarios.names()).toHaveLength(2)
    await scenarios.screenshot('duplicated-renamed')
  })

  it('runs it from the editor with Ctrl+Enter, twice, and stays on the editor', async () => {
    await scenarios.byTestId(`scenario-load-${id}`).click()
    const first = await scenarios.runWithShortcut('batch-input')
    const second = await scenarios.runWithShortcut('scenario-name')
    expect(second).toBeGreaterThan(first)
    expect(workbench.page.url()).toMatch(/#\/scenarios$/)
    await scenarios.page.evaluate('window.scrollTo(0, 0)')
    await scenarios.screenshot('run-started')
    await scenarios.byTestId(`run-started-link-${first}`).click()
    await workbench.page.waitForURL(new RegExp(`#/runs/${first}$`))
    await workbench.waitForStatus('finished')
    await scenarios.screenshot('run-finished')
    // The rejected save above answered 400, which Chromium logs; nothing else may have gone wrong.
    expect(workbench.errors.filter((error) => !/status of 400/.test(error))).toEqual([])
  })
})
