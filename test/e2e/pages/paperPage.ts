import type { Page } from 'playwright-core'

/** The paper check (`#/paper`): the experiments' tables and charts, and the host-link toggle. */
export class PaperPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-paper').click()
    await this.page.getByTestId('paper-view').waitFor()
    await this.page.getByTestId('paper-headlines').waitFor({ timeout: 30_000 })
  }

  experiment(id: string) {
    return this.page.getByTestId(`paper-${id}`)
  }

  /** The cells of one row of an experiment's table, as text. */
  async rowCells(experiment: string, rowKey: string): Promise<string[]> {
    const cells = this.page.getByTestId(`paper-row-${experiment}-${rowKey}`).locator('td')
    return (await cells.allTextContents()).map((text) => text.trim())
  }

  async chooseHostLinks(model: 'paper' | 'perGpuLinks'): Promise<void> {
    await this.page.getByTestId('paper-host-link-model').selectOption(model)
    await this.page.getByTestId('paper-loading').waitFor({ state: 'detached', timeout: 30_000 })
  }

  /** The experiments shown, by id, in order. */
  async experimentIds(): Promise<string[]> {
    const sections = this.page.locator('section[data-testid^="paper-"]:not([data-testid="paper-view"])')
    return (await sections.evaluateAll((elements) =>
      elements.map((element) => (element as unknown as { dataset: { testid: string } }).dataset.testid),
    )) as string[]
  }
}
