import { BrowserWindow, shell, type BrowserWindowConstructorOptions } from 'electron'
import { CONTENT_SECURITY_POLICY } from './security/contentSecurityPolicy'
import { isTrustedPageUrl, type RendererLocation } from './security/trustedPage'

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
    if (!isTrustedPageUrl(url, location)) event.preventDefault()
  })
  window.webContents.session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(location.url)
  return window
}
