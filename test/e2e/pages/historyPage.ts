import { expect } from 'vitest'
import type { Download, Page } from 'playwright-core'

/** The run history (`#/runs`) and a run's detail page, as a user works them. */
export class HistoryPage {
  constructor(readonly page: Page) {}

  row(runId: number) {
    return this.page.getByTestId(`run-row-${runId}`)
  }

  async open(query = ''): Promise<void> {
    await this.page.getByTestId('nav-runs').click()
    if (query) {
      // A hash change, as a link would make: the page stays, the route query changes.
      await this.page.evaluate((hash) => {
        ;(globalThis as unknown as { location: { hash: string } }).location.hash = hash
      }, `#/runs?${query}`)
    }
    await this.page.getByTestId('runs-table').waitFor()
  }

  async addTag(runId: number, tag: string): Promise<void> {
    await this.page.getByTestId(`tag-input-${runId}`).fill(tag)
    await this.page.getByTestId(`tag-input-${runId}`).press('Enter')
    await this.page.getByTestId(`tag-chip-${runId}-${tag}`).waitFor()
  }

  async filterByTag(tag: string): Promise<void> {
    await this.page.getByTestId('filter-tag').selectOption(tag)
    await this.page.waitForURL(new RegExp(`[?&]tag=${encodeURIComponent(tag)}`))
  }

  async select(runId: number): Promise<void> {
    await this.page.getByTestId(`run-select-${runId}`).check()
  }

  async exportSelected(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('runs-export').click(),
    ])
    return download
  }

  /** Imports through the file input and waits for this notice (an import clears the last one first). */
  async importFile(path: string, notice: string): Promise<void> {
    await this.page.getByTestId('runs-import-file').setInputFiles(path)
    await expect
      .poll(
        async () => {
          const error = this.page.getByTestId('runs-file-error')
          if (await error.count()) return `error: ${await error.textContent()}`
          return this.page
            .getByTestId('runs-import-notice')
            .textContent({ timeout: 1000 })
            .catch(() => null)
        },
        { timeout: 15_000 },
      )
      .toBe(notice)
  }

  async replay(): Promise<string> {
    await this.page.getByTestId('replay-button').click()
    const verdict = this.page.getByTestId('replay-verdict')
    await verdict.waitFor({ timeout: 30_000 })
    return (await verdict.textContent())?.trim() ?? ''
  }

  async expectRowCount(runId: number, count: 0 | 1): Promise<void> {
    await expect.poll(() => this.row(runId).count(), { timeout: 10_000 }).toBe(count)
  }
}
