/**
 * The lifecycles of runs and sweeps, one entry per status: the schemas' enums, the services'
 * checks, the history filter and the status badges are generated from these tables. Plain data
 * (no zod): the preload bundles contract/channels.ts, which re-exports the run statuses.
 */
export interface StatusEntry {
  /** The status as people read it. */
  label: string
  /** What it means. */
  description: string
  /** Never left again. */
  final: boolean
  /** Still in progress: can be cancelled. */
  active: boolean
}

export const RUN_STATUS = {
  queued: { label: 'queued', description: 'Waiting for a free worker thread', final: false, active: true },
  running: { label: 'running', description: 'Simulating in a worker thread', final: false, active: true },
  finished: { label: 'finished', description: 'Done: its result is stored', final: true, active: false },
  failed: { label: 'failed', description: 'The simulation threw: its error is stored', final: true, active: false },
  cancelled: { label: 'cancelled', description: 'Stopped by a user before it finished', final: true, active: false },
  interrupted: {
    label: 'interrupted',
    description: 'Cut short by a crash or a shutdown of the process that ran it',
    final: true,
    active: false,
  },
} as const satisfies Record<string, StatusEntry>

export type RunStatus = keyof typeof RUN_STATUS
/** The run statuses in lifecycle order (a tuple, for `z.enum`). */
export const RUN_STATUSES = Object.keys(RUN_STATUS) as [RunStatus, ...RunStatus[]]
/** A status a run never leaves: derived from the table's `final` flags, so the two cannot disagree. */
export type FinalRunStatus = { [S in RunStatus]: (typeof RUN_STATUS)[S]['final'] extends true ? S : never }[RunStatus]
/** Statuses a run never leaves (a tuple, for `z.enum`: an exported run has ended). */
export const FINAL_RUN_STATUSES = RUN_STATUSES.filter((status) => RUN_STATUS[status].final) as [
  FinalRunStatus,
  ...FinalRunStatus[],
]

export function isFinalStatus(status: RunStatus): boolean {
  return RUN_STATUS[status].final
}

/** Whether a run can still be cancelled. */
export function isActiveStatus(status: RunStatus): boolean {
  return RUN_STATUS[status].active
}

export const SWEEP_STATUS = {
  queued: { label: 'queued', description: 'Stored, waiting for its first chunk to start', final: false, active: true },
  running: { label: 'running', description: 'Chunks of points are running in the pool', final: false, active: true },
  finished: {
    label: 'finished',
    description: 'Every point has run (some may have failed)',
    final: true,
    active: false,
  },
  failed: {
    label: 'failed',
    description: 'Stopped by an error; the points done are kept',
    final: false,
    active: false,
  },
  cancelled: {
    label: 'cancelled',
    description: 'Stopped by a user; the points done are kept and it can be resumed',
    final: false,
    active: false,
  },
  interrupted: {
    label: 'interrupted',
    description: 'Cut short by a crash or a shutdown; the points done are kept and it can be resumed',
    final: false,
    active: false,
  },
} as const satisfies Record<string, StatusEntry>

export type SweepStatus = keyof typeof SWEEP_STATUS
/** The sweep statuses in lifecycle order (a tuple, for `z.enum`). */
export const SWEEP_STATUSES = Object.keys(SWEEP_STATUS) as [SweepStatus, ...SweepStatus[]]

/** Whether a sweep is still in progress (can be cancelled, not resumed). */
export function isActiveSweepStatus(status: SweepStatus): boolean {
  return SWEEP_STATUS[status].active
}
