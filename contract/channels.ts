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
  validationRun: 'wb:validation.run',
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

// The run lifecycle lives in statuses.ts (plain data, so the preload may still bundle this file).
export {
  RUN_STATUS,
  RUN_STATUSES,
  FINAL_RUN_STATUSES,
  isFinalStatus,
  type FinalRunStatus,
  isActiveStatus,
  type RunStatus,
  type StatusEntry,
} from './statuses'

export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'forbidden' | 'unknown_channel' | 'internal'

/** One thing wrong with an input: where (keys and indices from the input's root) and what. */
export interface Issue {
  path: (string | number)[]
  message: string
}

/** A failed call: its kind, one line for people, and (for invalid input) each issue by its field. */
export interface Failure {
  code: ErrorCode
  message: string
  issues?: Issue[]
}

/** What every call answers, over IPC and HTTP alike; clients turn `ok: false` into a thrown error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: Failure }

/** The error a client throws for `ok: false`; `code` says which kind of failure it was, `issues` where. */
export class WorkbenchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message)
    this.name = 'WorkbenchError'
  }
}

export function unwrapEnvelope<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  throw new WorkbenchError(envelope.error.code, envelope.error.message, envelope.error.issues ?? [])
}
