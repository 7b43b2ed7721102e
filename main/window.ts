import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BrowserWindow, shell, type BrowserWindowConstructorOptions } from 'electron'
import { CONTENT_SECURITY_POLICY } from './security/contentSecurityPolicy'
import { isTrustedPageUrl, type RendererLocation } from './security/trustedPage'
import { readWindowState, writeWindowState, type WindowState } from './windowState'

/** The window's security settings, kept apart so a test can check each one; its size as last saved. */
export function windowOptions(preloadPath: string, saved: WindowState | null = null): BrowserWindowConstructorOptions {
  return {
    width: saved?.width ?? 1280,
    height: saved?.height ?? 820,
    ...(saved?.x !== undefined && saved.y !== undefined ? { x: saved.x, y: saved.y } : {}),
    minWidth: 1024,
    minHeight: 700,
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
export function createMainWindow(preloadPath: string, location: RendererLocation, stateFile?: string): BrowserWindow {
  const saved = stateFile ? readWindowState(stateFile) : null
  const window = new BrowserWindow(windowOptions(preloadPath, saved))
  if (saved?.maximized) window.maximize()
  if (stateFile) {
    // The normal (unmaximised) bounds, so a maximised window restores to its last real size.
    window.on('close', () => {
      try {
        writeWindowState(stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() })
      } catch (error) {
        console.error(`[Window] could not save its size: ${String(error)}`)
      }
    })
  }
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

/**
 * Prints a self-contained report page to PDF with Electron's own Chromium: a hidden, sandboxed
 * window without JavaScript loads the page from a temporary file (a data: URL has a size limit a
 * long report can pass), prints it, and is destroyed with the file.
 */
export async function printWithElectron(html: string, pageSize: 'A4' | 'Letter'): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'memwall-print-'))
  const file = join(dir, 'report.html')
  writeFileSync(file, html)
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  })
  try {
    await window.loadFile(file)
    return await window.webContents.printToPDF({ pageSize, printBackground: true })
  } finally {
    window.destroy()
    rmSync(dir, { recursive: true, force: true })
  }
}
