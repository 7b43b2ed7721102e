import {
  API_METHODS,
  CHANNELS,
  EVENT_METHODS,
  EVENTS,
  unwrapEnvelope,
  WorkbenchError,
  type ApiMethod,
  type Envelope,
} from '../../../contract/channels'
import type { WorkbenchApi } from '../../../contract/api'
import { EventSocket, type EventSocketOptions } from './eventSocket'

export interface HttpApiOptions {
  /** Defaults to the global `fetch`, looked up at call time. */
  fetch?: typeof fetch
  createSocket?: EventSocketOptions['createSocket']
  backoffMs?: EventSocketOptions['backoffMs']
}

function eventsUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}/api/events`
}

async function readEnvelope(response: Response, channel: string): Promise<Envelope<unknown>> {
  try {
    return (await response.json()) as Envelope<unknown>
  } catch {
    throw new WorkbenchError('internal', `${channel}: HTTP ${response.status} answered without a JSON envelope`)
  }
}

/**
 * `WorkbenchApi` for a plain browser, served by main/host: each call is `POST /api/<channel>`
 * answering an `Envelope`; events arrive over one WebSocket opened on the first subscription.
 */
export function createHttpApi(options: HttpApiOptions = {}): WorkbenchApi {
  const call = (method: ApiMethod) => async (input: unknown) => {
    const channel = CHANNELS[method]
    const doFetch = options.fetch ?? globalThis.fetch
    const response = await doFetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    })
    return unwrapEnvelope(await readEnvelope(response, channel))
  }

  const socket = new EventSocket({ url: eventsUrl, createSocket: options.createSocket, backoffMs: options.backoffMs })
  const calls = Object.fromEntries(API_METHODS.map((method) => [method, call(method)]))
  const subscriptions = Object.fromEntries(
    EVENT_METHODS.map((method) => [
      method,
      (listener: (payload: unknown) => void) => socket.subscribe(EVENTS[method], listener),
    ]),
  )
  return { ...calls, ...subscriptions } as WorkbenchApi
}
