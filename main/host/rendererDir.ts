import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The built renderer: out/renderer beside out/main when this code is bundled, or
 * <root>/out/renderer when it runs from main/host/*.ts (tests, tsx).
 */
export function findRendererDir(): string {
  const candidates = [new URL('../renderer/', import.meta.url), new URL('../../out/renderer/', import.meta.url)]
  for (const candidate of candidates) {
    const dir = fileURLToPath(candidate)
    if (existsSync(`${dir}index.html`)) return dir
  }
  throw new Error('the renderer is not built (no out/renderer/index.html): run `npm run build`')
}
