import { app, type BrowserWindow, dialog, ipcMain } from 'electron'
import { parseArgs } from 'node:util'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createContainer, type Container } from './container'
import { createDispatch } from './dispatch'
import { resolveDbPath } from './dbPath'
import { forwardEvents, registerIpc } from './ipc'
import type { RendererLocation } from './security/trustedPage'
import { createMainWindow, printWithElectron } from './window'

// The Electron shell: one container, one window, IPC into the same dispatch the browser host uses.

function rendererLocation(): RendererLocation {
  // The dev server only in development: a packaged app ignores the variable.
  const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  if (devUrl) return { url: devUrl, kind: 'origin' }
  return { url: pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href, kind: 'file' }
}

function dbFlag(): string | undefined {
  const { values } = parseArgs({
    args: process.argv.slice(1),
    options: { db: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  })
  return typeof values.db === 'string' ? values.db : undefined
}

let container: Container | undefined
let window: BrowserWindow | undefined

function start(): void {
  container = createContainer({
    dbPath: resolveDbPath(dbFlag(), process.env, app.getPath('userData')),
    printPdf: printWithElectron,
  })
  const location = rendererLocation()
  registerIpc(ipcMain, createDispatch(container), location)
  forwardEvents(container.events, () => window?.webContents)
  window = createMainWindow(
    join(import.meta.dirname, '../preload/index.cjs'),
    location,
    join(app.getPath('userData'), 'window-state.json'),
  )
  window.on('closed', () => (window = undefined))
}

app.enableSandbox()

// One window per user: a second launch focuses the first instead of sharing its database.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Memwall Workbench could not start', error instanceof Error ? error.message : String(error))
      app.exit(1)
    })
}

app.on('window-all-closed', () => app.quit())

let shuttingDown = false
app.on('will-quit', (event) => {
  if (shuttingDown || !container) return
  shuttingDown = true
  event.preventDefault()
  void container.shutdown().finally(() => app.quit())
})
