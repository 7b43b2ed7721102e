import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { CHANNELS, EVENT_METHODS, EVENTS, type Envelope } from '../contract/channels'
import type { Dispatch } from './dispatch'
import type { WorkbenchEvents } from './services/events'
import { isTrustedPageUrl, type RendererLocation } from './security/trustedPage'

/** The parts of an invoke event the sender check reads. */
export interface SenderInfo {
  senderFrame: { url: string } | null
  sender: { mainFrame: unknown }
}

/**
 * Only our own page, in the window's main frame, may call the main process: not an iframe, not
 * a page the window was somehow navigated to.
 */
export function isTrustedSender(event: SenderInfo, location: RendererLocation): boolean {
  const frame = event.senderFrame
  if (!frame) return false
  return frame === event.sender.mainFrame && isTrustedPageUrl(frame.url, location)
}

/** One handler per channel; each checks its sender, then hands the input to dispatch. */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, location: RendererLocation): void {
  for (const channel of Object.values(CHANNELS)) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event, location)) {
        return { ok: false, error: { code: 'forbidden', message: 'refused: the sender is not the workbench window' } }
      }
      return dispatch(channel, input)
    })
  }
}

/** Forwards every service event to the window while it exists. */
export function forwardEvents(events: WorkbenchEvents, target: () => WebContents | undefined): void {
  for (const method of EVENT_METHODS) {
    events.on(method, (payload: unknown) => {
      const contents = target()
      if (contents && !contents.isDestroyed()) contents.send(EVENTS[method], payload)
    })
  }
}
