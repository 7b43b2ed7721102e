import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { API_METHODS, CHANNELS, EVENT_METHODS, EVENTS } from '../contract/channels'
import type { WorkbenchBridge } from '../contract/api'

// One method per channel, each bound to its own wire name; no generic invoke reaches the page.
// Methods answer the raw Envelope: an Error crossing contextBridge would lose its code.
const calls = Object.fromEntries(
  API_METHODS.map((method) => [method, (input: unknown) => ipcRenderer.invoke(CHANNELS[method], input ?? {})]),
)

const subscriptions = Object.fromEntries(
  EVENT_METHODS.map((method) => [
    method,
    (listener: (payload: unknown) => void) => {
      const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
      ipcRenderer.on(EVENTS[method], handler)
      return () => {
        ipcRenderer.removeListener(EVENTS[method], handler)
      }
    },
  ]),
)

contextBridge.exposeInMainWorld('workbench', { ...calls, ...subscriptions } as WorkbenchBridge)
