import { chromium, type BrowserContext } from 'playwright-core'
import type { ServedWorkbench } from './serveProcess'

/** Debian's Chromium, or `$MEMWALL_CHROMIUM`. */
export const CHROMIUM = process.env.MEMWALL_CHROMIUM ?? '/usr/bin/chromium'

/** Flags for a quiet headless Chromium in a container (see ../shared TOOLCHAIN.md §5). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** A fresh headless browser profile in `profileDir`: 1400 × 900 unless told otherwise, downloads on. */
export function launchBrowser(
  profileDir: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    acceptDownloads: true,
  })
}

/** Calls a host's HTTP API as the page does: `POST /api/<channel>`, answering the envelope's value. */
export async function callApi<T>(served: ServedWorkbench, channel: string, input: unknown): Promise<T> {
  const response = await fetch(new URL(`api/${channel}`, served.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  })
  const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } }
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.message}`)
  return envelope.value as T
}
