/** Where the app remembers the last view, in Electron (a file page) and a browser alike. */
export const LAST_VIEW_KEY = 'memwall.lastView'
export const DEFAULT_VIEW = '/scenarios'

/** The part of `Storage` this file uses; tests pass a Map-backed one. */
export interface ViewStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

// Only the app's own top-level views are worth restoring; `/` itself would loop.
const RESTORABLE = /^\/(scenarios|runs|compare|paper|validation|sweeps)(?=$|[/?#])/

export function isRestorableView(fullPath: string): boolean {
  return RESTORABLE.test(fullPath)
}

/** Stores `fullPath` (with its query) when it is one of the app's views; a full or blocked storage is ignored. */
export function rememberView(storage: ViewStorage | undefined, fullPath: string): void {
  if (!storage || !isRestorableView(fullPath)) return
  try {
    storage.setItem(LAST_VIEW_KEY, fullPath)
  } catch {
    // Private mode or quota: the app still works, it just starts at the default view.
  }
}

/** The view to open at `/`: the last one remembered, else the scenarios. */
export function lastView(storage: ViewStorage | undefined): string {
  try {
    const stored = storage?.getItem(LAST_VIEW_KEY)
    return stored && isRestorableView(stored) ? stored : DEFAULT_VIEW
  } catch {
    return DEFAULT_VIEW
  }
}

/** The window's localStorage, or undefined where it is missing or refused. */
export function browserStorage(): ViewStorage | undefined {
  try {
    // Through globalThis: this file also type-checks without the DOM library (Node tests).
    return (globalThis as { localStorage?: ViewStorage }).localStorage
  } catch {
    return undefined
  }
}
