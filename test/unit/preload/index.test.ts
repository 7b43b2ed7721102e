import { describe, expect, it, vi } from 'vitest'
import { API_METHODS, CHANNELS, EVENT_METHODS, EVENTS } from '../../../contract/channels'

// The preload as the sandbox runs it, with electron mocked (the real module cannot load in Node).
const electron = vi.hoisted(() => ({
  exposed: {} as Record<string, Record<string, (...args: unknown[]) => unknown>>,
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
  on: vi.fn(),
  removeListener: vi.fn(),
}))
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) =>
      (electron.exposed[key] = api),
  },
  ipcRenderer: { invoke: electron.invoke, on: electron.on, removeListener: electron.removeListener },
}))
await import('../../../preload/index')
const bridge = electron.exposed.workbench!

describe('preload', () => {
  it('exposes exactly one method per channel and event, and no generic invoke', () => {
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, ...EVENT_METHODS].sort())
    expect(bridge).not.toHaveProperty('invoke')
  })

  it('sends each call on its own channel and answers the raw envelope', async () => {
    await expect(bridge.runsGet!({ runId: 3 })).resolves.toEqual({
      ok: true,
      value: { channel: CHANNELS.runsGet, input: { runId: 3 } },
    })
    await bridge.presetsList!()
    expect(electron.invoke).toHaveBeenLastCalledWith(CHANNELS.presetsList, {})
  })

  it('subscribes to events without handing the page the IPC event object', () => {
    const listener = vi.fn()
    const unsubscribe = bridge.onRunUpdated!(listener) as () => void
    const [channel, handler] = electron.on.mock.calls[0] as [string, (event: unknown, payload: unknown) => void]
    expect(channel).toBe(EVENTS.onRunUpdated)
    handler({ sender: 'secret' }, { id: 1 })
    expect(listener).toHaveBeenCalledWith({ id: 1 })
    unsubscribe()
    expect(electron.removeListener).toHaveBeenCalledWith(EVENTS.onRunUpdated, handler)
  })
})
