import { BrowserWindow, shell, type BrowserWindowConstructorOptions } from 'electron'

/** Where the window's page comes from: the dev server in `electron-vite dev`, else the built file. */
export interface RendererLocation {
  /** URL the window loads. */
  url: string
  /** Only frames at this origin (or, for file:, this exact page) may call the main process. */
  trustedPrefix: string
}

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

/** The window's security settings, kept apart so a test can check each one. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Memwall Workbench',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  }
}

/** Opens the main window: no new windows, no navigation away from the app, links go to the OS browser. */
export function createMainWindow(preloadPath: string, location: RendererLocation): BrowserWindow {
  const window = new BrowserWindow(windowOptions(preloadPath))
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(location.trustedPrefix)) event.preventDefault()
  })
  window.webContents.session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(location.url)
  return window
}
