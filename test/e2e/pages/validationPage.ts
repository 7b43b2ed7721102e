import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'

const SCREENSHOTS = join('test-results', 'screenshots')

/** The Validation view (`#/validation`): the summary, the filters, the scatter and the rows. */
export class ValidationPage {
  constructor(readonly page: Page) {}

  /** Opens the view from the sidebar and waits for the shipped set to be simulated. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-validation').click()
    await this.page.getByTestId('validation-view').waitFor()
    await this.page.getByTestId('validation-table').waitFor({ timeout: 45_000 })
  }

  rows() {
    return this.page.locator('[data-testid^="validation-row-"]')
  }

  /** The error cell of a row: a signed percentage, or "unsupported: …". */
  async errorOf(id: string): Promise<string> {
    return (
      (await this.page.getByTestId(`validation-row-${id}`).getByTestId('validation-cell-error').textContent()) ?? ''
    ).trim()
  }

  async filter(field: 'stack' | 'hardware' | 'metric' | 'split', value: string): Promise<void> {
    await this.page.getByTestId(`validation-filter-${field}`).selectOption(value)
  }

  /** Gives the file input a file from memory, as picking it on disk would. */
  async loadFile(name: string, contents: string): Promise<void> {
    await this.page
      .getByTestId('validation-file')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) })
  }

  /** The issues listed for a rejected file, one "path: message" each. */
  async fileIssues(): Promise<string[]> {
    const error = this.page.getByTestId('validation-file-error')
    await error.waitFor()
    return (await error.locator('li').allTextContents()).map((text) => text.trim())
  }

  /** A full-page screenshot under test-results/screenshots/validation-<step>.png. */
  async screenshot(step: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true })
    const path = join(SCREENSHOTS, `validation-${step}.png`)
    await this.page.screenshot({ path, fullPage: true })
    return path
  }
}
