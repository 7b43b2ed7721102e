import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { Page } from 'playwright-core'

const SCREENSHOTS = join('test-results', 'screenshots')

/** One swept field as the form takes it: a path from the select and the values' text. */
export interface AxisInput {
  path: string
  values: string
}

/** The sweeps list (`#/sweeps`) and a sweep's page (`#/sweeps/:id`), as a user works them. */
export class SweepsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-sweeps').click()
    await this.page.getByRole('heading', { name: 'Sweeps', level: 1 }).waitFor()
    await this.page.getByTestId('sweep-form').waitFor({ timeout: 10_000 })
  }

  /** Fills the new-sweep form and starts it; answers the new sweep's id from the link it offers. */
  async start(input: { scenario: string; axes: AxisInput[]; seeds?: number }): Promise<number> {
    const page = this.page
    await page.getByTestId('sweep-scenario-select').selectOption({ label: input.scenario })
    for (const [index, axis] of input.axes.entries()) {
      if (index > 0) await page.getByTestId('sweep-add-axis').click()
      await page.getByTestId(`sweep-axis-${index}-path`).selectOption(axis.path)
      await page.getByTestId(`sweep-axis-${index}-values`).fill(axis.values)
    }
    await page.getByTestId('sweep-seeds').fill(String(input.seeds ?? 1))
    await page.getByTestId('sweep-start').click()
    const link = page.getByTestId('sweep-started-link')
    await link.waitFor({ timeout: 10_000 })
    return Number(/#\/sweeps\/(\d+)$/.exec((await link.getAttribute('href')) ?? '')?.[1])
  }

  async gridSize(): Promise<string> {
    return ((await this.page.getByTestId('sweep-grid-size').textContent()) ?? '').trim()
  }

  async status(id: number): Promise<string> {
    return ((await this.page.getByTestId(`sweep-status-${id}`).textContent()) ?? '').trim()
  }

  async waitForStatus(id: number, status: string, timeout = 20_000): Promise<void> {
    await expect.poll(() => this.status(id), { timeout }).toBe(status)
  }

  /** Points done and in all, as the row shows them (`12/48`). */
  async progress(id: number): Promise<{ done: number; points: number }> {
    const [done, points] = ((await this.page.getByTestId(`sweep-done-${id}`).textContent()) ?? '0/0')
      .split('/')
      .map(Number)
    return { done: done!, points: points! }
  }

  async cancel(id: number): Promise<void> {
    await this.page.getByTestId(`sweep-cancel-${id}`).click()
  }

  async resume(id: number): Promise<void> {
    await this.page.getByTestId(`sweep-resume-${id}`).click()
  }

  async openSweep(id: number): Promise<void> {
    await this.page.getByTestId(`sweep-open-${id}`).click()
    await this.page.waitForURL(new RegExp(`#/sweeps/${id}$`))
    await this.page.getByTestId('sweep-crossovers').waitFor({ timeout: 10_000 })
  }

  async chooseMetric(metric: string): Promise<void> {
    await this.page.getByTestId('sweep-metric-select').selectOption(metric)
  }

  /** The text of each heatmap cell of one system that has a value. */
  async heatmapValues(system: string): Promise<string[]> {
    const cells = this.page.getByTestId(`sweep-heatmap-${system}`).locator('td:not(.missing)')
    return (await cells.allTextContents()).map((text) => text.trim())
  }

  async crossovers(): Promise<string[]> {
    const items = this.page.getByTestId('sweep-crossover-list').locator('li')
    return (await items.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())
  }

  async runSensitivity(input: { metric: string; system: string; stepPercent?: number }): Promise<void> {
    const page = this.page
    await page.getByTestId('sensitivity-metric').selectOption(input.metric)
    await page.getByTestId('sensitivity-system').selectOption(input.system)
    await page.getByTestId('sensitivity-step').fill(String(input.stepPercent ?? 20))
    await page.getByTestId('sensitivity-run').click()
    await page.getByTestId('sensitivity-table').waitFor({ timeout: 30_000 })
  }

  async sensitivityRows(): Promise<string[]> {
    return (await this.page.getByTestId('sensitivity-table').locator('tbody th').allTextContents()).map((t) => t.trim())
  }

  /** A full-page screenshot under test-results/screenshots/sweeps-<step>.png. */
  async screenshot(step: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true })
    const path = join(SCREENSHOTS, `sweeps-${step}.png`)
    await this.page.screenshot({ path, fullPage: true })
    return path
  }
}
