import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { API_METHODS, CHANNELS, EVENT_METHODS, EVENTS, unwrapEnvelope, type Envelope } from './channels'
import type { WorkbenchApi } from './api'

// One method per channel, each bound to its own wire name; no generic invoke reaches the page.
const calls = Object.fromEntries(
  API_METHODS.map((method) => [
    method,
    async (input: unknown) =>
      unwrapEnvelope((await ipcRenderer.invoke(CHANNELS[method], input ?? {})) as Envelope<unknown>),
  ]),
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

contextBridge.exposeInMainWorld('workbench', { ...calls, ...subscriptions } as WorkbenchApi)
