/** Where the window's page comes from: the dev server in `electron-vite dev`, else the built file. */
export interface RendererLocation {
  /** URL the window loads. */
  url: string
  /** `origin`: any page of the dev server's origin; `file`: exactly the built index.html. */
  kind: 'origin' | 'file'
}

/**
 * Whether `url` is the workbench's own page. For the built file the path must match exactly
 * (a sibling like index.html.evil.html is not ours); the hash and query may differ.
 */
export function isTrustedPageUrl(url: string, location: RendererLocation): boolean {
  let candidate: URL
  try {
    candidate = new URL(url)
  } catch {
    return false
  }
  const own = new URL(location.url)
  if (location.kind === 'origin') return candidate.origin === own.origin
  return candidate.protocol === 'file:' && candidate.host === own.host && candidate.pathname === own.pathname
}
