import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { Page } from 'playwright-core'

const SCREENSHOTS = join('test-results', 'screenshots')

/** A run's result page (`#/runs/:id`) and the compare page (`#/compare`), as a reviewer reads them. */
export class ResultsPage {
  constructor(readonly page: Page) {}

  async openResult(runId: number): Promise<void> {
    await this.page.evaluate((hash) => {
      ;(globalThis as unknown as { location: { hash: string } }).location.hash = hash
    }, `#/runs/${runId}`)
    await this.page.getByTestId('headline-cards').waitFor({ timeout: 20_000 })
  }

  /** The text of every headline card, in order. */
  async headlineTexts(): Promise<string[]> {
    return this.page.locator('[data-testid^="headline-speedup-"], [data-testid^="headline-switch-"]').allTextContents()
  }

  /** One system's block of the stack section: its stack and the error on the nearest measurements. */
  async stackTrust(systemId: string): Promise<string> {
    const block = this.page.getByTestId('stack-trust').getByTestId(`stack-trust-${systemId}`)
    await block.waitFor({ timeout: 10_000 })
    return (await block.textContent()) ?? ''
  }

  async openCompare(): Promise<void> {
    await this.page.getByTestId('nav-compare').click()
    await this.page.getByRole('heading', { name: 'Compare runs' }).waitFor()
  }

  async pick(runIds: readonly number[]): Promise<void> {
    for (const id of runIds) await this.page.getByTestId(`compare-select-${id}`).check()
    await this.page.getByTestId('compare-table').waitFor({ timeout: 20_000 })
  }

  async chooseBaseline(runId: number): Promise<void> {
    await this.page.getByTestId('baseline-run-select').selectOption(String(runId))
  }

  async scenarioDifferences(runId: number): Promise<string[]> {
    return (await this.page.getByTestId(`scenario-diff-${runId}`).locator('li').allTextContents()).map((line) =>
      line.trim(),
    )
  }

  async cell(kind: 'value' | 'delta' | 'relative', rowKey: string, runId: number): Promise<string> {
    return ((await this.page.getByTestId(`compare-${kind}-${rowKey}-${runId}`).textContent()) ?? '').trim()
  }

  async expectCanvas(testId: string): Promise<void> {
    await expect.poll(() => this.page.getByTestId(testId).locator('canvas').count(), { timeout: 10_000 }).toBe(1)
  }

  /** A full-page screenshot under test-results/screenshots/results-<step>.png. */
  async screenshot(step: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true })
    const path = join(SCREENSHOTS, `results-${step}.png`)
    await this.page.screenshot({ path, fullPage: true })
    return path
  }
}
