import { expect } from 'vitest'
import type { Page } from 'playwright-core'

/** The canvas calls used below; this file type-checks without the DOM library. */
interface CanvasLike {
  width: number
  height: number
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null
}

/**
 * The workbench as a user sees it. Collects every page error and console error from the start,
 * so `expectNoErrors` can prove a whole session stayed clean.
 */
export class WorkbenchPage {
  readonly errors: string[] = []

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console: ${message.text()}`)
    })
  }

  async goto(path = '#/scenarios'): Promise<void> {
    await this.page.goto(new URL(path, this.baseUrl).href)
    await this.page.getByTestId('nav-runs').waitFor()
    this.expectNoErrors()
  }

  expectNoErrors(): void {
    expect(this.errors).toEqual([])
  }

  async startRun(input: {
    name: string
    systems: string[]
    batch: number
    promptTokens: number
    outputTokens: number
    label?: string
  }): Promise<number> {
    const page = this.page
    await page.getByTestId('nav-scenarios').click()
    await page.getByTestId('scenario-name').fill(input.name)
    for (const checkbox of await page.locator('[data-testid^="system-"]').all()) {
      const id = (await checkbox.getAttribute('data-testid'))!.slice('system-'.length)
      await checkbox.setChecked(input.systems.includes(id))
    }
    await page.getByTestId('model-select').selectOption('llama2-7b')
    await page.getByTestId('batch-input').fill(String(input.batch))
    await page.getByTestId('prompt-tokens-input').fill(String(input.promptTokens))
    await page.getByTestId('output-tokens-input').fill(String(input.outputTokens))
    if (input.label) await page.getByTestId('label-input').fill(input.label)
    return this.startAndOpen()
  }

  /**
   * Starts the editor's scenario and opens the new run's page: the editor stays put after a
   * start and offers a link to the run it started.
   */
  async startAndOpen(): Promise<number> {
    const page = this.page
    const links = page.locator('[data-testid^="run-started-link-"]')
    const ids = async (): Promise<number[]> =>
      (await links.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-testid') ?? ''))).map((id) =>
        Number(id.slice('run-started-link-'.length)),
      )
    const before = new Set(await ids())
    await page.getByTestId('start-run').click()
    let started = -1
    await expect
      .poll(async () => {
        started = (await ids()).find((id) => !before.has(id)) ?? -1
        return started
      })
      .toBeGreaterThan(0)
    await page.getByTestId(`run-started-link-${started}`).click()
    await page.waitForURL(new RegExp(`#/runs/${started}$`))
    return started
  }

  async waitForStatus(status: string): Promise<void> {
    await expect.poll(() => this.page.getByTestId('run-status').textContent(), { timeout: 20_000 }).toContain(status)
  }

  async progressPercent(): Promise<number> {
    return Number(await this.page.getByTestId('run-progress').getAttribute('aria-valuenow'))
  }

  /** Painted (non-transparent) pixels of the canvas inside the element with this test id. */
  async paintedPixels(testId: string): Promise<number> {
    const canvas = this.page.getByTestId(testId).locator('canvas')
    await canvas.waitFor()
    return canvas.evaluate((element) => {
      const canvasElement = element as unknown as CanvasLike
      const { data } = canvasElement.getContext('2d')!.getImageData(0, 0, canvasElement.width, canvasElement.height)
      let painted = 0
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++
      return painted
    })
  }
}
