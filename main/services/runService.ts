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
import { endOf, guarded, JobTracker, writeThenAnnounce } from './jobs'
import type { WorkbenchEvents } from './events'
import type { Logger } from './logger'
import type { RunOwner } from './runOwner'
import { simulateRun } from './simulation'

export interface StartRunInput {
  scenario: Scenario
  label?: string | undefined
  /** Consecutive seeds to run, from the scenario's; more than one makes a seed spread (P5–P95 of each metric). */
  seeds?: number | undefined
}

const now = (): string => new Date().toISOString()

/** How long a deleted run can be restored: it is removed for good at the first start after. */
const UNDO_WINDOW_MS = 60 * 60 * 1000

/**
 * Starts, tracks and cancels runs. Every state change is written to SQLite first and only then
 * announced, so a listener that reads the store always finds what the event said.
 */
export class RunService {
  private readonly jobs: JobTracker<number>

  constructor(
    private readonly store: Store,
    private readonly pool: SimPool,
    private readonly events: WorkbenchEvents,
    private readonly log: Logger,
    private readonly owner: RunOwner,
  ) {
    this.jobs = new JobTracker(log, 'RunService')
  }

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
    await this.jobs.shutdown()
  }

  start({ scenario, label, seeds = 1 }: StartRunInput): RunSummaryDto {
    const hash = scenarioHash(scenario)
    const createdAt = now()
    const summary = this.store.transaction(() => {
      const scenarioId = this.store.scenarios.upsert(scenario, hash, createdAt)
      const run = { scenarioId, scenario, scenarioHash: hash, label: label || null, createdAt, seeds }
      return this.store.runs.insert({ ...run, simulatorVersion: SIMULATOR_VERSION, owner: this.owner.id })
    })
    // The queued event goes out before any progress can: the worker answers asynchronously.
    this.jobs.launch(summary.id, (signal) => this.execute(summary.id, scenario, seeds, signal))
    this.announce(summary)
    return summary
  }

  /** Cancels a queued or running run and resolves with its stored, cancelled state. */
  async cancel(runId: number): Promise<RunSummaryDto> {
    const summary = this.store.runs.getSummary(runId)
    if (!summary) throw new NotFoundError(`run ${runId} does not exist`)
    const here = this.jobs.has(runId)
    if (!here || !isActiveStatus(summary.status)) {
      throw new ConflictError(
        `run ${runId} is ${summary.status}${here ? '' : ' in no process of this workbench'}: nothing to cancel`,
      )
    }
    await this.jobs.cancel(runId)
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
    await this.jobs.waitFor(runId)
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
      const { status, message } = endOf(signal, error)
      this.record(runId, () => this.store.runs.markEnded(runId, status, message, now()))
      if (status === 'failed') this.log.error(`[RunService] run ${runId} failed: ${message}`)
    }
  }

  /** Writes, then announces the run's new state (see writeThenAnnounce). */
  private record(runId: number, write: () => void): void {
    writeThenAnnounce(
      this.log,
      'RunService',
      `run ${runId}`,
      write,
      () => this.store.runs.getSummary(runId),
      (summary) => this.announce(summary),
    )
  }

  /** A listener that throws must not break the run it hears about. */
  private announce(summary: RunSummaryDto): void {
    guarded(this.log, 'RunService', `a listener failed on run ${summary.id}`, () =>
      this.events.emit('onRunUpdated', summary),
    )
  }
}
