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
    runsList: vi.fn<WorkbenchApi['runsList']>(async () => ({ runs: [], total: 0 })),
    runsGet: vi.fn<WorkbenchApi['runsGet']>(),
    runsUpdate: vi.fn<WorkbenchApi['runsUpdate']>(),
    runsDelete: vi.fn<WorkbenchApi['runsDelete']>(async ({ runIds }) => ({ runIds })),
    runsRestore: vi.fn<WorkbenchApi['runsRestore']>(async ({ runIds }) => ({ runIds })),
    runsReplay: vi.fn<WorkbenchApi['runsReplay']>(),
    runsExport: vi.fn<WorkbenchApi['runsExport']>(),
    runsImport: vi.fn<WorkbenchApi['runsImport']>(async () => ({ imported: [], duplicates: [] })),
    tagsList: vi.fn<WorkbenchApi['tagsList']>(async () => []),
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
