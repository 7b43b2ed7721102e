import { app, type BrowserWindow, ipcMain } from 'electron'
import { parseArgs } from 'node:util'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createContainer, type Container } from './container'
import { createDispatch } from './dispatch'
import { resolveDbPath } from './dbPath'
import { forwardEvents, registerIpc } from './ipc'
import { createMainWindow, type RendererLocation } from './window'

// The Electron shell: one container, one window, IPC into the same dispatch the browser host uses.

function rendererLocation(): RendererLocation {
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (devUrl) return { url: devUrl, trustedPrefix: new URL(devUrl).origin + '/' }
  const page = pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href
  return { url: page, trustedPrefix: page }
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

app.enableSandbox()

void app.whenReady().then(() => {
  container = createContainer({ dbPath: resolveDbPath(dbFlag(), process.env, app.getPath('userData')) })
  const location = rendererLocation()
  registerIpc(ipcMain, createDispatch(container), location.trustedPrefix)
  forwardEvents(container.events, () => window?.webContents)
  window = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), location)
  window.on('closed', () => (window = undefined))
})

app.on('window-all-closed', () => app.quit())

let shuttingDown = false
app.on('will-quit', (event) => {
  if (shuttingDown || !container) return
  shuttingDown = true
  event.preventDefault()
  void container.shutdown().finally(() => app.quit())
})
