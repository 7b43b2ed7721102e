import type { WorkbenchApi } from '../../../preload/api'
import { createHttpApi } from './httpClient'

let api: WorkbenchApi | undefined

/** The one API object of this window: the preload's in Electron, the HTTP client in a browser. */
export function getApi(): WorkbenchApi {
  api ??= (typeof window !== 'undefined' ? window.workbench : undefined) ?? createHttpApi()
  return api
}

export { WorkbenchError } from '../../../preload/channels'
