import {
  isActiveStatus,
  scenarioHash,
  type RunDetailDto,
  type RunPageDto,
  type RunQuery,
  type RunSummaryDto,
  type Scenario,
  type TagCountDto,
} from '../../contract/api'
import { SIMULATOR_VERSION } from '../sim'
import type { RunPatch, Store } from '../store'
import type { SimPool } from '../workers/pool'
import { ConflictError, NotFoundError } from './errors'
import type { WorkbenchEvents } from './events'
import type { Logger } from './logger'
import type { RunOwner } from './runOwner'
import { simulateRun } from './simulation'

export interface StartRunInput {
  scenario: Scenario
  label?: string | undefined
  /** Consecutive seeds to run, from the scenario's; more than one makes a sweep. */
  seeds?: number | undefined
}

interface ActiveRun {
  controller: AbortController
  done: Promise<void>
}

/** Why a run's signal was aborted: compared by identity, never by message. */
const CANCELLED = new Error('cancelled by the user')
const SHUTDOWN = new Error('the workbench shut down during the run')

const now = (): string => new Date().toISOString()

/** How long a deleted run can be restored: it is removed for good at the first start after. */
const UNDO_WINDOW_MS = 60 * 60 * 1000

/**
 * Starts, tracks and cancels runs. Every state change is written to SQLite first and only then
 * announced, so a listener that reads the store always finds what the event said.
 */
export class RunService {
  private readonly active = new Map<number, ActiveRun>()

  constructor(
    private readonly store: Store,
    private readonly pool: SimPool,
    private readonly events: WorkbenchEvents,
    private readonly log: Logger,
    private readonly owner: RunOwner,
  ) {}

  /**
   * Runs whose process died can never finish: mark them interrupted (other live processes keep
   * theirs). Runs deleted more than the undo window ago are removed for good.
   */
  boot(): void {
    const count = this.store.runs.interruptAbandoned((owner) => this.owner.isAbandoned(owner), now())
    if (count > 0) this.log.info(`[RunService] marked ${count} abandoned run(s) interrupted`)
    const purged = this.store.runs.purgeDeleted(new Date(Date.now() - UNDO_WINDOW_MS).toISOString())
    if (purged > 0) this.log.info(`[RunService] removed ${purged} run(s) deleted over an hour ago`)
  }

  /** Stops every active run; they are recorded as interrupted, since nobody cancelled them. */
  async shutdown(): Promise<void> {
    for (const run of this.active.values()) run.controller.abort(SHUTDOWN)
    await Promise.all([...this.active.values()].map((run) => run.done))
  }

  start({ scenario, label, seeds = 1 }: StartRunInput): RunSummaryDto {
    const hash = scenarioHash(scenario)
    const createdAt = now()
    const summary = this.store.transaction(() => {
      const scenarioId = this.store.scenarios.upsert(scenario, hash, createdAt)
      const run = { scenarioId, scenario, scenarioHash: hash, label: label || null, createdAt, seeds }
      return this.store.runs.insert({ ...run, simulatorVersion: SIMULATOR_VERSION, owner: this.owner.id })
    })
    const controller = new AbortController()
    // The queued event goes out before any progress can: the worker answers asynchronously.
    const done = this.execute(summary.id, scenario, seeds, controller.signal)
      .catch((error: unknown) =>
        this.log.error(`[RunService] run ${summary.id} lost its bookkeeping: ${String(error)}`),
      )
      .finally(() => this.active.delete(summary.id))
    this.active.set(summary.id, { controller, done })
    this.announce(summary)
    return summary
  }

  /** Cancels a queued or running run and resolves with its stored, cancelled state. */
  async cancel(runId: number): Promise<RunSummaryDto> {
    const summary = this.store.runs.getSummary(runId)
    if (!summary) throw new NotFoundError(`run ${runId} does not exist`)
    const run = this.active.get(runId)
    if (!run || !isActiveStatus(summary.status)) {
      throw new ConflictError(
        `run ${runId} is ${summary.status}${run ? '' : ' in no process of this workbench'}: nothing to cancel`,
      )
    }
    run.controller.abort(CANCELLED)
    await run.done
    return this.store.runs.getSummary(runId)!
  }

  /** One page of the history, as the query filters and sorts it. */
  list(query: RunQuery): RunPageDto {
    return this.store.runs.page(query)
  }

  /** The newest runs, at most `limit`. */
  recent(limit: number): RunSummaryDto[] {
    return this.store.runs.recent(limit)
  }

  /** Changes a run's label, notes, star or tags, and announces it. */
  update(runId: number, patch: RunPatch): RunSummaryDto {
    const summary = this.store.runs.update(runId, patch)
    if (!summary) throw new NotFoundError(`run ${runId} does not exist`)
    this.announce(summary)
    return summary
  }

  /**
   * Deletes runs, restorable for an hour (`restore`); a queued or running run must be cancelled
   * first. All or nothing: an unknown or active id deletes none.
   */
  delete(runIds: number[]): { runIds: number[] } {
    for (const runId of runIds) {
      const summary = this.store.runs.getSummary(runId)
      if (!summary) throw new NotFoundError(`run ${runId} does not exist`)
      if (isActiveStatus(summary.status)) throw new ConflictError(`run ${runId} is ${summary.status}: cancel it first`)
    }
    return { runIds: this.store.runs.softDelete(runIds, now()) }
  }

  /** Brings back deleted runs (within the hour); ids not deleted are skipped. */
  restore(runIds: number[]): { runIds: number[] } {
    const restored = this.store.runs.restore(runIds)
    for (const runId of restored) {
      const summary = this.store.runs.getSummary(runId)
      if (summary) this.announce(summary)
    }
    return { runIds: restored }
  }

  tags(): TagCountDto[] {
    return this.store.runs.tags()
  }

  get(runId: number): RunDetailDto {
    const detail = this.store.runs.getDetail(runId)
    if (!detail) throw new NotFoundError(`run ${runId} does not exist`)
    return detail
  }

  /** Resolves with the run once this process has stopped working on it. */
  async waitFor(runId: number): Promise<RunDetailDto> {
    await this.active.get(runId)?.done
    return this.get(runId)
  }

  private async execute(runId: number, scenario: Scenario, seeds: number, signal: AbortSignal): Promise<void> {
    const started = Date.now()
    try {
      const result = await simulateRun(this.pool, scenario, seeds, {
        signal,
        onStarted: () => this.record(runId, () => this.store.runs.markRunning(runId, now())),
        onProgress: (fraction) => this.record(runId, () => this.store.runs.setProgress(runId, fraction)),
      })
      this.record(runId, () => this.store.runs.markFinished(runId, result, now()))
      this.log.info(`[RunService] run ${runId} finished in ${((Date.now() - started) / 1000).toFixed(2)} s`)
    } catch (error) {
      if (signal.reason === CANCELLED) {
        this.record(runId, () => this.store.runs.markEnded(runId, 'cancelled', CANCELLED.message, now()))
      } else if (signal.reason === SHUTDOWN) {
        this.record(runId, () => this.store.runs.markEnded(runId, 'interrupted', SHUTDOWN.message, now()))
      } else {
        const message = error instanceof Error ? error.message : String(error)
        this.record(runId, () => this.store.runs.markEnded(runId, 'failed', message, now()))
        this.log.error(`[RunService] run ${runId} failed: ${message}`)
      }
    }
  }

  /**
   * Writes, then announces the run's new state. A write that fails (a locked or closed
   * database) is logged, not thrown: it must not take the process down with it.
   */
  private record(runId: number, write: () => void): void {
    try {
      write()
      const summary = this.store.runs.getSummary(runId)
      if (summary) this.announce(summary)
    } catch (error) {
      this.log.error(
        `[RunService] could not record run ${runId}: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }

  /** A listener that throws must not break the run it hears about. */
  private announce(summary: RunSummaryDto): void {
    try {
      this.events.emit('onRunUpdated', summary)
    } catch (error) {
      this.log.error(`[RunService] a listener failed on run ${summary.id}: ${String(error)}`)
    }
  }
}
