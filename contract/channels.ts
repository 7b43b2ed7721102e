/**
 * Wire names of every call and event. Imported by the preload, so it holds no zod and no
 * values beyond these tables: a sandboxed preload must stay small.
 */
export const CHANNELS = {
  presetsList: 'wb:presets.list',
  scenariosList: 'wb:scenarios.list',
  scenariosSave: 'wb:scenarios.save',
  scenariosDelete: 'wb:scenarios.delete',
  paperReport: 'wb:paper.report',
  runsStart: 'wb:runs.start',
  runsCancel: 'wb:runs.cancel',
  runsList: 'wb:runs.list',
  runsGet: 'wb:runs.get',
  runsUpdate: 'wb:runs.update',
  runsDelete: 'wb:runs.delete',
  runsRestore: 'wb:runs.restore',
  runsReplay: 'wb:runs.replay',
  runsExport: 'wb:runs.export',
  runsImport: 'wb:runs.import',
  tagsList: 'wb:tags.list',
  reportsExport: 'wb:reports.export',
  sweepsStart: 'wb:sweeps.start',
  sweepsList: 'wb:sweeps.list',
  sweepsGet: 'wb:sweeps.get',
  sweepsCancel: 'wb:sweeps.cancel',
  sweepsResume: 'wb:sweeps.resume',
  sweepsDelete: 'wb:sweeps.delete',
  sensitivityRun: 'wb:sensitivity.run',
  sensitivityCancel: 'wb:sensitivity.cancel',
} as const

export const EVENTS = {
  onRunUpdated: 'wb:event.runUpdated',
  onSweepUpdated: 'wb:event.sweepUpdated',
} as const

export type ApiMethod = keyof typeof CHANNELS
export type EventMethod = keyof typeof EVENTS

export const API_METHODS = Object.keys(CHANNELS) as ApiMethod[]
export const EVENT_METHODS = Object.keys(EVENTS) as EventMethod[]

export const RUN_STATUSES = ['queued', 'running', 'finished', 'failed', 'cancelled', 'interrupted'] as const
export type RunStatus = (typeof RUN_STATUSES)[number]
/** Statuses a run never leaves. */
export const FINAL_RUN_STATUSES: readonly RunStatus[] = ['finished', 'failed', 'cancelled', 'interrupted']

export function isFinalStatus(status: RunStatus): boolean {
  return FINAL_RUN_STATUSES.includes(status)
}

/** Whether a run can still be cancelled. */
export function isActiveStatus(status: RunStatus): boolean {
  return status === 'queued' || status === 'running'
}

export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'forbidden' | 'unknown_channel' | 'internal'

/** What every call answers, over IPC and HTTP alike; clients turn `ok: false` into a thrown error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } }

/** The error a client throws for `ok: false`; `code` says which kind of failure it was. */
export class WorkbenchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'WorkbenchError'
  }
}

export function unwrapEnvelope<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  throw new WorkbenchError(envelope.error.code, envelope.error.message)
}
