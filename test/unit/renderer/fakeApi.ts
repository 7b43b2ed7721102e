import { vi } from 'vitest'
import type { EventPayloads, WorkbenchApi } from '../../../preload/api'

/** A WorkbenchApi whose calls are vi.fn()s and whose events the test emits by hand. */
export function createFakeApi() {
  const listeners = new Set<(payload: EventPayloads['onRunUpdated']) => void>()
  const api = {
    presetsList: vi.fn<WorkbenchApi['presetsList']>(),
    scenariosList: vi.fn<WorkbenchApi['scenariosList']>(async () => []),
    runsStart: vi.fn<WorkbenchApi['runsStart']>(),
    runsCancel: vi.fn<WorkbenchApi['runsCancel']>(),
    runsList: vi.fn<WorkbenchApi['runsList']>(async () => []),
    runsGet: vi.fn<WorkbenchApi['runsGet']>(),
    onRunUpdated: vi.fn<WorkbenchApi['onRunUpdated']>((listener) => {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    }),
  } satisfies WorkbenchApi
  const emitRunUpdated = (payload: EventPayloads['onRunUpdated']): void =>
    listeners.forEach((listener) => listener(payload))
  return { api, emitRunUpdated, listenerCount: () => listeners.size }
}
