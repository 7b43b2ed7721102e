import { mkdirSync } from 'node:fs'
import { expect } from 'vitest'
import type { Page } from 'playwright-core'

const SCREENSHOTS = 'test-results/screenshots'

/** The Scenarios view as a user works it: the saved-scenario library beside the sectioned editor. */
export class ScenariosPage {
  constructor(readonly page: Page) {
    mkdirSync(SCREENSHOTS, { recursive: true })
  }

  byTestId(testId: string) {
    return this.page.getByTestId(testId)
  }

  async open(): Promise<void> {
    await this.byTestId('nav-scenarios').click()
    await this.byTestId('scenario-library').waitFor()
  }

  /** The window as the user sees it at this step (scroll the part of interest into view first). */
  async screenshot(step: string): Promise<void> {
    await this.page.screenshot({ path: `${SCREENSHOTS}/scenarios-${step}.png` })
  }

  /** Creates a saved scenario from a preset and answers its id (the item the editor now shows). */
  async createFromPreset(model: string, systems: string[]): Promise<number> {
    await this.page.locator('[data-testid="scenario-create"] summary').click()
    await this.byTestId('create-model').selectOption(model)
    for (const checkbox of await this.page.locator('[data-testid^="create-system-"]').all()) {
      const id = (await checkbox.getAttribute('data-testid'))!.slice('create-system-'.length)
      await checkbox.setChecked(systems.includes(id))
    }
    await this.byTestId('create-submit').click()
    return this.currentId()
  }

  async currentId(): Promise<number> {
    const current = this.page.locator('[data-testid^="scenario-item-"][aria-current="true"]')
    await current.waitFor()
    return Number((await current.getAttribute('data-testid'))!.slice('scenario-item-'.length))
  }

  async cloneSystem(presetId: string): Promise<void> {
    await this.byTestId('custom-preset').selectOption(presetId)
    await this.byTestId('custom-clone').click()
  }

  /** Scrolls a field to the middle of the window, so a screenshot shows it with its message. */
  async centre(testId: string): Promise<void> {
    await this.byTestId(testId).evaluate((element) => element.scrollIntoView({ block: 'center' }))
  }

  async fieldError(testId: string): Promise<string | null> {
    const error = this.byTestId(`${testId}-error`)
    return (await error.count()) === 0 ? null : error.textContent()
  }

  async save(): Promise<void> {
    await this.byTestId('save-scenario').click()
    await expect.poll(() => this.notice()).toMatch(/^Saved/)
  }

  async notice(): Promise<string> {
    const notice = this.byTestId('scenarios-notice')
    return (await notice.count()) === 0 ? '' : ((await notice.textContent()) ?? '')
  }

  async names(): Promise<string[]> {
    return this.page.locator('[data-testid^="scenario-name-"]').allTextContents()
  }

  /** Renames in place and answers the id it has now (a rename may store a new row). */
  async rename(id: number, name: string): Promise<number> {
    await this.byTestId(`scenario-rename-${id}`).click()
    await this.byTestId(`scenario-rename-input-${id}`).fill(name)
    await this.byTestId(`scenario-rename-input-${id}`).press('Enter')
    await expect.poll(() => this.names()).toContain(name)
    const item = this.page.locator('[data-testid^="scenario-name-"]', { hasText: name }).first()
    return Number((await item.getAttribute('data-testid'))!.slice('scenario-name-'.length))
  }

  /** Presses Ctrl+Enter in a field of the editor and answers the id of the run it started. */
  async runWithShortcut(fieldTestId: string): Promise<number> {
    const before = await this.page.locator('[data-testid^="run-started-link-"]').count()
    await this.byTestId(fieldTestId).press('Control+Enter')
    await expect.poll(() => this.page.locator('[data-testid^="run-started-link-"]').count()).toBe(before + 1)
    const link = this.page.locator('[data-testid^="run-started-link-"]').first()
    return Number((await link.getAttribute('data-testid'))!.slice('run-started-link-'.length))
  }
}
