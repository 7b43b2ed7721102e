import { existsSync } from 'node:fs'

export const PAGE_SIZES = ['A4', 'Letter'] as const
export type PageSize = (typeof PAGE_SIZES)[number]

/** Prints a self-contained HTML page to PDF: Electron's printToPDF in the app, headless Chromium elsewhere. */
export type PrintPdf = (html: string, pageSize: PageSize) => Promise<Buffer>

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
]

/** The Chromium to print with: `$MEMWALL_CHROMIUM`, else the first usual place that has one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.MEMWALL_CHROMIUM ?? CANDIDATES.find((path) => existsSync(path))
  if (!chosen || !existsSync(chosen)) {
    throw new Error(
      'a PDF needs Chromium: install it (e.g. sudo apt-get install -y chromium) or set MEMWALL_CHROMIUM to its path',
    )
  }
  return chosen
}

/** Headless Chromium through playwright-core: the page is set from memory, so nothing is fetched. */
export async function printWithChromium(html: string, pageSize: PageSize): Promise<Buffer> {
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  })
  try {
    const page = await browser.newPage({ javaScriptEnabled: false })
    // Anything the page tried to fetch would be a bug in the report: refuse it.
    await page.route('**/*', (route) => route.abort())
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({
      format: pageSize,
      printBackground: true,
      margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
    })
  } finally {
    await browser.close()
  }
}
