import type { WorkbenchApi, WorkbenchBridge } from '../../../contract/api'
import { API_METHODS, EVENT_METHODS, unwrapEnvelope, type Envelope } from '../../../contract/channels'

/** `WorkbenchApi` over the Electron preload's bridge: unwraps each Envelope here, in the page. */
export function apiFromBridge(bridge: WorkbenchBridge): WorkbenchApi {
  const calls = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      async (input: unknown) => {
        const call = bridge[method] as (input: unknown) => Promise<Envelope<unknown>>
        return unwrapEnvelope(await call(input))
      },
    ]),
  )
  const subscriptions = Object.fromEntries(EVENT_METHODS.map((method) => [method, bridge[method]]))
  return { ...calls, ...subscriptions } as WorkbenchApi
}
