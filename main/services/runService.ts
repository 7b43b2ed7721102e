import {
  FINAL_RUN_STATUSES,
  scenarioHash,
  type RunDetailDto,
  type RunStatus,
  type RunSummaryDto,
  type Scenario,
} from '../../preload/api'
import { SIMULATOR_VERSION } from '../sim'
import type { Store } from '../store'
import type { SimPool } from '../workers/pool'
import type { WorkbenchEvents } from './events'
import type { Logger } from './logger'
import { NotFoundError } from './errors'

export interface StartRunInput {
  scenario: Scenario
  label?: string | undefined
}

interface ActiveRun {
  controller: AbortController
  done: Promise<void>
}

const now = (): string => new Date().toISOString()

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
  ) {}

  /** Runs a crash left unfinished can never finish: mark them interrupted. */
  boot(): void {
    const count = this.store.runs.interruptUnfinished(now())
    if (count > 0) this.log.info(`[RunService] marked ${count} unfinished run(s) interrupted`)
  }

  /** Stops every active run; they are recorded as interrupted, since nobody cancelled them. */
  async shutdown(): Promise<void> {
    const pending = [...this.active.entries()].map(([id, run]) => {
      run.controller.abort(new Error('shutdown'))
      return run.done.catch(() => this.log.error(`[RunService] run ${id} did not stop cleanly`))
    })
    await Promise.all(pending)
  }

  start({ scenario, label }: StartRunInput): RunSummaryDto {
    const hash = scenarioHash(scenario)
    const createdAt = now()
    const summary = this.store.transaction(() => {
      const scenarioId = this.store.scenarios.upsert(scenario, hash, createdAt)
      return this.store.runs.insert({
        scenarioId,
        scenario,
        scenarioHash: hash,
        label: label || null,
        simulatorVersion: SIMULATOR_VERSION,
        createdAt,
      })
    })
    this.events.emit('onRunUpdated', summary)
    const controller = new AbortController()
    const done = this.execute(summary.id, scenario, controller.signal).finally(() => this.active.delete(summary.id))
    this.active.set(summary.id, { controller, done })
    return summary
  }

  cancel(runId: number): RunSummaryDto {
    const summary = this.store.runs.getSummary(runId)
    if (!summary) throw new NotFoundError(`run ${runId} does not exist`)
    this.active.get(runId)?.controller.abort(new Error('cancelled'))
    return summary
  }

  list(limit: number, status?: RunStatus): RunSummaryDto[] {
    return this.store.runs.list(limit, status)
  }

  get(runId: number): RunDetailDto {
    const detail = this.store.runs.getDetail(runId)
    if (!detail) throw new NotFoundError(`run ${runId} does not exist`)
    return detail
  }

  /** Resolves with the run once it has reached a final status. */
  async waitFor(runId: number): Promise<RunDetailDto> {
    await this.active.get(runId)?.done
    const detail = this.get(runId)
    if (!FINAL_RUN_STATUSES.includes(detail.status)) throw new Error(`run ${runId} is ${detail.status} but not tracked`)
    return detail
  }

  private async execute(runId: number, scenario: Scenario, signal: AbortSignal): Promise<void> {
    const started = Date.now()
    try {
      const result = await this.pool.run(scenario, {
        signal,
        onStarted: () => this.update(runId, () => this.store.runs.markRunning(runId, now())),
        onProgress: (fraction) => this.update(runId, () => this.store.runs.setProgress(runId, fraction)),
      })
      this.update(runId, () => this.store.runs.markFinished(runId, result, now()))
      this.log.info(`[RunService] run ${runId} finished in ${((Date.now() - started) / 1000).toFixed(2)} s`)
    } catch (error) {
      const reason = signal.aborted ? String((signal.reason as Error | undefined)?.message) : ''
      if (reason === 'cancelled') {
        this.update(runId, () => this.store.runs.markEnded(runId, 'cancelled', 'cancelled by the user', now()))
      } else if (reason === 'shutdown') {
        this.update(runId, () =>
          this.store.runs.markEnded(runId, 'interrupted', 'the workbench shut down during the run', now()),
        )
      } else {
        const message = error instanceof Error ? error.message : String(error)
        this.update(runId, () => this.store.runs.markEnded(runId, 'failed', message, now()))
        this.log.error(`[RunService] run ${runId} failed: ${message}`)
      }
    }
  }

  /** Writes, then announces the run's new state. */
  private update(runId: number, write: () => void): void {
    write()
    const summary = this.store.runs.getSummary(runId)
    if (summary) this.events.emit('onRunUpdated', summary)
  }
}
