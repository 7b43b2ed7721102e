import { beforeEach, describe, expect, it, vi } from 'vitest'

// Importing the real electron module outside Electron tries to download its binary.
const electron = vi.hoisted(() => {
  const handlers: Record<string, (...args: unknown[]) => unknown> = {}
  const webContents = {
    setWindowOpenHandler: vi.fn((handler: (...args: unknown[]) => unknown) => (handlers.open = handler)),
    on: vi.fn((name: string, handler: (...args: unknown[]) => unknown) => (handlers[name] = handler)),
    session: {
      webRequest: {
        onHeadersReceived: vi.fn((handler: (...args: unknown[]) => unknown) => (handlers.headers = handler)),
      },
    },
  }
  const BrowserWindow = vi.fn(function (this: Record<string, unknown>, options: unknown) {
    this.options = options
    this.webContents = webContents
    this.once = vi.fn()
    this.on = vi.fn((name: string, handler: (...args: unknown[]) => unknown) => (handlers[`window.${name}`] = handler))
    this.maximize = vi.fn()
    this.isMaximized = vi.fn(() => false)
    this.getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1100, height: 760 }))
    this.loadURL = vi.fn(async () => {})
  })
  return { handlers, webContents, BrowserWindow, openExternal: vi.fn(async () => {}) }
})
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, shell: { openExternal: electron.openExternal } }))

const { createMainWindow, windowOptions } = await import('../../../main/window')
const { CONTENT_SECURITY_POLICY } = await import('../../../main/security/contentSecurityPolicy')

describe('windowOptions', () => {
  it('isolates the page: context isolation, sandbox, no Node', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences!
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
    })
  })
})

describe('createMainWindow', () => {
  const location = { url: 'file:///app/out/renderer/index.html', kind: 'file' as const }
  beforeEach(() => createMainWindow('/app/preload.cjs', location))

  it('denies every new window and hands https links to the OS browser', () => {
    expect(electron.handlers.open!({ url: 'https://arxiv.org/abs/2405.07518' })).toEqual({ action: 'deny' })
    expect(electron.openExternal).toHaveBeenCalledWith('https://arxiv.org/abs/2405.07518')
    expect(electron.handlers.open!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(electron.openExternal).toHaveBeenCalledTimes(1)
  })

  it('blocks navigation away from the app', () => {
    const away = { preventDefault: vi.fn() }
    electron.handlers['will-navigate']!(away, 'https://example.com/')
    expect(away.preventDefault).toHaveBeenCalled()
    const inside = { preventDefault: vi.fn() }
    electron.handlers['will-navigate']!(inside, `${location.url}#/runs/3`)
    expect(inside.preventDefault).not.toHaveBeenCalled()
  })

  it('adds the Content-Security-Policy to every response', () => {
    const callback = vi.fn()
    electron.handlers.headers!({ responseHeaders: { 'X-Other': ['1'] } }, callback)
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe')
  })
})

describe('createMainWindow with a state file', () => {
  it('opens at the saved size and place, and saves the normal bounds when it closes', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const file = join(mkdtempSync(join(tmpdir(), 'memwall-window-')), 'window-state.json')
    writeFileSync(file, JSON.stringify({ width: 1400, height: 900, x: 5, y: 6, maximized: true }))
    const window = createMainWindow('/app/preload.cjs', { url: 'file:///app/index.html', kind: 'file' }, file)
    const options = (window as unknown as { options: Record<string, unknown> }).options
    expect(options).toMatchObject({ width: 1400, height: 900, x: 5, y: 6, minWidth: 1024, minHeight: 700 })
    expect((window as unknown as { maximize: () => void }).maximize).toHaveBeenCalled()
    electron.handlers['window.close']!()
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 10, y: 20, width: 1100, height: 760, maximized: false })
  })
})
