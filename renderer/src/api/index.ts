import type { WorkbenchApi } from '../../../contract/api'
import { apiFromBridge } from './bridgeClient'
import { createHttpApi } from './httpClient'

let api: WorkbenchApi | undefined

/** The one API object of this window: over the preload's bridge in Electron, over HTTP in a browser. */
export function getApi(): WorkbenchApi {
  const bridge = typeof window !== 'undefined' ? window.workbench : undefined
  api ??= bridge ? apiFromBridge(bridge) : createHttpApi()
  return api
}

export { WorkbenchError } from '../../../contract/channels'
