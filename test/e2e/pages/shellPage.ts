import { expect } from 'vitest'
import type { Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

/** The views the sidebar reaches: its link's test id, the hash it opens, and the view's heading. */
export const VIEWS = [
  { name: 'scenarios', nav: 'nav-scenarios', hash: '#/scenarios', heading: 'Scenarios' },
  { name: 'runs', nav: 'nav-runs', hash: '#/runs', heading: 'Runs' },
  { name: 'compare', nav: 'nav-compare', hash: '#/compare', heading: 'Compare' },
  { name: 'paper', nav: 'nav-paper', hash: '#/paper', heading: 'Paper check' },
] as const

export const SCREENSHOTS = join('test-results', 'screenshots')

/** What every view shares: the sidebar, the active-runs panel, the theme and the page's width. */
export class ShellPage {
  constructor(readonly page: Page) {}

  async navigate(view: (typeof VIEWS)[number]): Promise<void> {
    await this.page.getByTestId(view.nav).click()
    await this.page.waitForURL((url) => url.hash.startsWith(view.hash))
    await this.page.locator('main h1', { hasText: view.heading }).waitFor()
  }

  activeRun(runId: number) {
    return this.page.getByTestId(`active-run-${runId}`)
  }

  async cancelFromPanel(runId: number): Promise<void> {
    await this.page.getByTestId(`active-run-cancel-${runId}`).click()
    await this.activeRun(runId).waitFor({ state: 'detached', timeout: 15_000 })
  }

  async progressOf(runId: number): Promise<number> {
    return Number(await this.activeRun(runId).getByRole('progressbar').getAttribute('aria-valuenow'))
  }

  async timingOf(runId: number): Promise<string> {
    return (await this.page.getByTestId(`active-run-timing-${runId}`).textContent())?.trim() ?? ''
  }

  /** The page's background colour as computed, e.g. `rgb(17, 24, 39)`. */
  backgroundColor(): Promise<string> {
    return this.page.evaluate(() => {
      const global = globalThis as unknown as {
        document: { documentElement: unknown }
        getComputedStyle(element: unknown): { backgroundColor: string }
      }
      return global.getComputedStyle(global.document.documentElement).backgroundColor
    })
  }

  /** The page's scroll width and inner width, and the elements that reach past the window (for the message). */
  horizontalOverflow(): Promise<{ scrollWidth: number; innerWidth: number; beyond: string[] }> {
    return this.page.evaluate(() => {
      interface ElementLike {
        tagName: string
        className: unknown
        getBoundingClientRect(): { right: number }
      }
      const global = globalThis as unknown as {
        document: {
          scrollingElement: { scrollWidth: number }
          querySelectorAll(selector: string): ArrayLike<ElementLike>
        }
        innerWidth: number
      }
      const beyond = Array.from(global.document.querySelectorAll('body *'))
        .filter((element) => element.getBoundingClientRect().right > global.innerWidth + 1)
        .slice(0, 5)
        .map(
          (element) =>
            `${element.tagName}.${String(element.className)} → ${Math.round(element.getBoundingClientRect().right)}`,
        )
      return { scrollWidth: global.document.scrollingElement.scrollWidth, innerWidth: global.innerWidth, beyond }
    })
  }

  async expectNoHorizontalOverflow(): Promise<void> {
    const { scrollWidth, innerWidth, beyond } = await this.horizontalOverflow()
    expect(scrollWidth, `scroll width ${scrollWidth} beyond ${innerWidth}: ${beyond.join(', ')}`).toBeLessThanOrEqual(
      innerWidth,
    )
  }

  async screenshot(step: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true })
    await this.page.screenshot({ path: join(SCREENSHOTS, `shell-${step}.png`), fullPage: true })
  }
}

/** Relative luminance (0 black … 1 white) of a computed `rgb(r, g, b)` colour. */
export function luminanceOf(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((part) => {
    const c = Number(part) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}
