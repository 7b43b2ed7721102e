import { vi } from 'vitest'
import type { EventPayloads, WorkbenchApi } from '../../../contract/api'

/** A WorkbenchApi whose calls are vi.fn()s and whose events the test emits by hand. */
export function createFakeApi() {
  const listeners = new Set<(payload: EventPayloads['onRunUpdated']) => void>()
  const sweepListeners = new Set<(payload: EventPayloads['onSweepUpdated']) => void>()
  const api = {
    presetsList: vi.fn<WorkbenchApi['presetsList']>(),
    scenariosList: vi.fn<WorkbenchApi['scenariosList']>(async () => []),
    scenariosSave: vi.fn<WorkbenchApi['scenariosSave']>(),
    scenariosDelete: vi.fn<WorkbenchApi['scenariosDelete']>(async ({ id }) => ({ id })),
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
    paperReport: vi.fn<WorkbenchApi['paperReport']>(),
    validationRun: vi.fn<WorkbenchApi['validationRun']>(),
    reportsExport: vi.fn<WorkbenchApi['reportsExport']>(async () => ({
      fileName: 'memwall-report-runs-1.html',
      mimeType: 'text/html; charset=utf-8',
      base64: btoa('<!doctype html>'),
    })),
    sweepsStart: vi.fn<WorkbenchApi['sweepsStart']>(),
    sweepsList: vi.fn<WorkbenchApi['sweepsList']>(async () => []),
    sweepsGet: vi.fn<WorkbenchApi['sweepsGet']>(),
    sweepsCancel: vi.fn<WorkbenchApi['sweepsCancel']>(),
    sweepsResume: vi.fn<WorkbenchApi['sweepsResume']>(),
    sweepsDelete: vi.fn<WorkbenchApi['sweepsDelete']>(async ({ sweepId }) => ({ sweepId })),
    sensitivityRun: vi.fn<WorkbenchApi['sensitivityRun']>(),
    sensitivityCancel: vi.fn<WorkbenchApi['sensitivityCancel']>(),
    onSweepUpdated: vi.fn<WorkbenchApi['onSweepUpdated']>((listener) => {
      sweepListeners.add(listener)
      return () => {
        sweepListeners.delete(listener)
      }
    }),
    onRunUpdated: vi.fn<WorkbenchApi['onRunUpdated']>((listener) => {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    }),
  } satisfies WorkbenchApi
  const emitRunUpdated = (payload: EventPayloads['onRunUpdated']): void =>
    listeners.forEach((listener) => listener(payload))
  const emitSweepUpdated = (payload: EventPayloads['onSweepUpdated']): void =>
    sweepListeners.forEach((listener) => listener(payload))
  return { api, emitRunUpdated, emitSweepUpdated, listenerCount: () => listeners.size }
}
