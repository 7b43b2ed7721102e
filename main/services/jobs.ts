import type { Logger } from './logger'

/** Why a job's signal was aborted: compared by identity, never by message. */
export const CANCELLED = new Error('cancelled by the user')
export const SHUTDOWN = new Error('the workbench shut down while it ran')

/** How a job that threw ended, judged by why its signal was aborted (if it was). */
export function endOf(
  signal: AbortSignal,
  error: unknown,
): { status: 'cancelled' | 'interrupted' | 'failed'; message: string } {
  if (signal.reason === CANCELLED) return { status: 'cancelled', message: CANCELLED.message }
  if (signal.reason === SHUTDOWN) return { status: 'interrupted', message: SHUTDOWN.message }
  return { status: 'failed', message: error instanceof Error ? error.message : String(error) }
}

interface Active {
  controller: AbortController
  done: Promise<void>
}

/**
 * The lifecycle that runs, sweeps and sensitivity analyses share: each job runs under its own
 * AbortController; cancel aborts with CANCELLED and waits for the job to record how it ended;
 * shutdown aborts every job with SHUTDOWN and waits for all; a job's own bookkeeping failure is
 * logged, never thrown into the caller.
 */
export class JobTracker<Key> {
  private readonly active = new Map<Key, Active>()

  constructor(
    private readonly log: Logger,
    private readonly owner: string,
  ) {}

  has(key: Key): boolean {
    return this.active.has(key)
  }

  /**
   * Starts `work` under a fresh signal. It must record its own end (by `endOf`); what it throws
   * is logged as lost bookkeeping. Optionally aborted with `limit` after `limitMs`.
   */
  launch(key: Key, work: (signal: AbortSignal) => Promise<void>, limit?: { ms: number; reason: Error }): void {
    const controller = new AbortController()
    const timer = limit && setTimeout(() => controller.abort(limit.reason), limit.ms)
    const done = work(controller.signal)
      .catch((error: unknown) =>
        this.log.error(`[${this.owner}] ${String(key)} lost its bookkeeping: ${String(error)}`),
      )
      .finally(() => {
        clearTimeout(timer)
        this.active.delete(key)
      })
    this.active.set(key, { controller, done })
  }

  /** Aborts the job with CANCELLED and resolves once it has ended; false when no such job runs here. */
  async cancel(key: Key): Promise<boolean> {
    const job = this.active.get(key)
    if (!job) return false
    job.controller.abort(CANCELLED)
    await job.done
    return true
  }

  /** Resolves once this process has stopped working on the job (at once when it is not running). */
  async waitFor(key: Key): Promise<void> {
    await this.active.get(key)?.done
  }

  /** Aborts every job with SHUTDOWN and waits for each to record it. */
  async shutdown(): Promise<void> {
    const jobs = [...this.active.values()]
    for (const job of jobs) job.controller.abort(SHUTDOWN)
    await Promise.all(jobs.map((job) => job.done))
  }
}

/** Runs `action`; a throw is logged as `[owner] what: message` and answered false, never rethrown. */
export function guarded(log: Logger, owner: string, what: string, action: () => void): boolean {
  try {
    action()
    return true
  } catch (error) {
    log.error(`[${owner}] ${what}: ${error instanceof Error ? error.message : String(error)}`)
    return false
  }
}

/**
 * Writes a job's new state, then announces what the store now holds. A failed write, read or
 * listener is logged, not thrown: it must not take the process down. Answers whether the write
 * landed.
 */
export function writeThenAnnounce<T>(
  log: Logger,
  owner: string,
  what: string,
  write: () => void,
  read: () => T | undefined,
  announce: ((value: T) => void) | null,
): boolean {
  if (!guarded(log, owner, `could not record ${what}`, write)) return false
  if (announce) {
    guarded(log, owner, `could not announce ${what}`, () => {
      const value = read()
      if (value !== undefined) announce(value)
    })
  }
  return true
}
