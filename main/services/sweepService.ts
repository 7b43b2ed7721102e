import type {
  Scenario,
  SensitivityDto,
  SweepAxis,
  SweepDetailDto,
  SweepMetricName,
  SweepSummaryDto,
} from '../../contract/api'
import {
  AxisValueError,
  findCrossovers,
  isIntegerField,
  parseAxisValues,
  parseShard,
  pointValues,
  shardIndices,
  ShardError,
  SIMULATOR_VERSION,
  sweepHash,
  type Shard,
} from '../sim'
import type { Store } from '../store'
import type { SimPool } from '../workers/pool'
import { ConflictError, InvalidInputError, NotFoundError } from './errors'
import type { WorkbenchEvents } from './events'
import type { Logger } from './logger'
import type { RunOwner } from './runOwner'
import { measureSensitivity } from './sensitivity'
import { runChunks } from './sweepChunks'
import { mergeSweeps, type MergeReport } from './sweepMerge'

export interface StartSweepInput {
  scenario: Scenario
  axes: SweepAxis[]
  seeds?: number | undefined
  label?: string | undefined
  /** Run only this slice of the grid (`--shard i/N`); the other points stay pending. */
  shard?: Shard | undefined
}

interface ActiveSweep {
  controller: AbortController
  done: Promise<void>
}

const CANCELLED = new Error('cancelled by the user')
const SHUTDOWN = new Error('the workbench shut down during the sweep')
/** How long a sensitivity analysis may run before it is stopped: it holds the pool meanwhile. */
export const SENSITIVITY_LIMIT_MS = 5 * 60 * 1000
const PROGRESS_INTERVAL_MS = 100
const UNDO_WINDOW_MS = 60 * 60 * 1000
const now = (): string => new Date().toISOString()

/**
 * Parses one `--vary <path>=<values>` of the CLI into an axis: a log range of an integer field
 * rounds to integers (see main/sim/grid/axisValues.ts).
 */
export function parseVary(scenario: Scenario, text: string): SweepAxis {
  const equals = text.indexOf('=')
  if (equals <= 0) throw new InvalidInputError(`--vary: expected <field.path>=<values>, got "${text}"`)
  const path = text.slice(0, equals).trim()
  try {
    return { path, values: parseAxisValues(text.slice(equals + 1), { integer: isIntegerField(scenario, path) }) }
  } catch (error) {
    if (error instanceof AxisValueError) throw new InvalidInputError(`--vary ${path}: ${error.message}`)
    throw error
  }
}

/** Parses `--shard i/N`. */
export function parseShardOption(text: string): Shard {
  try {
    return parseShard(text)
  } catch (error) {
    if (error instanceof ShardError) throw new InvalidInputError(`--shard: ${error.message}`)
    throw error
  }
}

/**
 * Runs sweeps: grids of scenario variants, in chunks across the worker pool. Like runs, every
 * change is written to SQLite before `onSweepUpdated` announces it (progress at most every 100 ms).
 */
export class SweepService {
  private readonly active = new Map<number, ActiveSweep>()
  private readonly lastAnnounced = new Map<number, number>()
  /** Sensitivity analyses in flight, by the caller's request id (or a private one). */
  private readonly analyses = new Map<string | symbol, AbortController>()

  constructor(
    private readonly store: Store,
    private readonly pool: SimPool,
    private readonly events: WorkbenchEvents,
    private readonly log: Logger,
    private readonly owner: RunOwner,
    private readonly sensitivityLimitMs = SENSITIVITY_LIMIT_MS,
  ) {}

  /** Sweeps whose process died become interrupted (resume finishes them); old deletions go for good. */
  boot(): void {
    const count = this.store.sweeps.interruptAbandoned((owner) => this.owner.isAbandoned(owner), now())
    if (count > 0) this.log.info(`[SweepService] marked ${count} abandoned sweep(s) interrupted`)
    this.store.sweeps.purgeDeleted(new Date(Date.now() - UNDO_WINDOW_MS).toISOString())
  }

  async shutdown(): Promise<void> {
    for (const analysis of this.analyses.values()) analysis.abort(SHUTDOWN)
    for (const sweep of this.active.values()) sweep.controller.abort(SHUTDOWN)
    await Promise.all([...this.active.values()].map((sweep) => sweep.done))
  }

  /**
   * Checks the whole grid (size, every point valid) in a worker, stores it and starts running it.
   * The check runs off the main thread: a large scenario times many points is seconds of parsing.
   */
  async start({ scenario, axes, seeds = 1, label, shard }: StartSweepInput): Promise<SweepSummaryDto> {
    const check = await this.pool.checkGrid({ base: scenario, axes })
    if (!check.ok) throw new InvalidInputError(check.message)
    const points = check.points
    const values = Array.from({ length: points }, (_, index) => pointValues(axes, index))
    const summary = this.store.sweeps.insert(
      {
        label: label || null,
        scenario,
        axes,
        seeds,
        sweepHash: sweepHash(scenario, axes, seeds),
        simulatorVersion: SIMULATOR_VERSION,
        owner: this.owner.id,
        createdAt: now(),
      },
      values,
    )
    this.announce(summary)
    this.launch(summary.id, scenario, axes, seeds, shardIndices(points, shard))
    return this.store.sweeps.getSummary(summary.id)!
  }

  /** Runs the sweep's pending and failed points again (a cancelled, interrupted or failed sweep). */
  resume(sweepId: number): SweepSummaryDto {
    const summary = this.summary(sweepId)
    if (this.active.has(sweepId)) throw new ConflictError(`sweep ${sweepId} is running already`)
    // Points of two model versions in one sweep would make its lines and crossovers meaningless.
    if (summary.simulatorVersion !== SIMULATOR_VERSION) {
      throw new ConflictError(
        `sweep ${sweepId} was run by simulator ${summary.simulatorVersion}; this is ${SIMULATOR_VERSION}: start it again instead`,
      )
    }
    const indices = this.store.sweeps.unfinishedIndices(sweepId)
    if (indices.length === 0) throw new ConflictError(`sweep ${sweepId} has every point done: nothing to resume`)
    const { scenario } = this.store.sweeps.getDetail(sweepId)!
    this.launch(sweepId, scenario, summary.axes, summary.seeds, indices)
    return this.store.sweeps.getSummary(sweepId)!
  }

  /** Stops a running sweep; the points done so far stay. */
  async cancel(sweepId: number): Promise<SweepSummaryDto> {
    const summary = this.summary(sweepId)
    const sweep = this.active.get(sweepId)
    if (!sweep) throw new ConflictError(`sweep ${sweepId} is ${summary.status} in no process of this workbench`)
    sweep.controller.abort(CANCELLED)
    await sweep.done
    return this.summary(sweepId)
  }

  delete(sweepId: number): { sweepId: number } {
    this.summary(sweepId)
    if (this.active.has(sweepId)) throw new ConflictError(`sweep ${sweepId} is running: cancel it first`)
    this.store.sweeps.softDelete(sweepId, now())
    return { sweepId }
  }

  list(limit: number): SweepSummaryDto[] {
    return this.store.sweeps.list(limit)
  }

  /** The sweep, every point, and its crossovers (computed on read from the points done). */
  get(sweepId: number): SweepDetailDto {
    const detail = this.store.sweeps.getDetail(sweepId)
    if (!detail) throw new NotFoundError(`sweep ${sweepId} does not exist`)
    const done = detail.points.filter((point) => point.status === 'done')
    const systems = [...new Set([...detail.scenario.systems, ...done.flatMap((p) => Object.keys(p.metrics))])]
    const crossovers = findCrossovers(detail.summary.axes, done, systems)
    return { ...detail.summary, scenario: detail.scenario, pointsData: detail.points, crossovers }
  }

  /** Resolves with the sweep once this process has stopped working on it. */
  async waitFor(sweepId: number): Promise<SweepDetailDto> {
    await this.active.get(sweepId)?.done
    return this.get(sweepId)
  }

  /**
   * A tornado: each figure of the system moved down and up by `step`, the metric's swing, largest
   * first. Cancellable by its `requestId`, stopped after the time limit, and by shutdown.
   */
  async sensitivity(input: {
    scenario: Scenario
    metric: SweepMetricName
    system: string
    step: number
    requestId?: string | undefined
  }): Promise<SensitivityDto> {
    const key = input.requestId ?? Symbol('sensitivity')
    if (this.analyses.has(key)) throw new ConflictError(`sensitivity "${String(input.requestId)}" is running already`)
    const controller = new AbortController()
    const limit = new Error(`stopped after ${this.sensitivityLimitMs / 1000} s`)
    const timer = setTimeout(() => controller.abort(limit), this.sensitivityLimitMs)
    this.analyses.set(key, controller)
    try {
      return await measureSensitivity(this.pool, input, controller.signal)
    } catch (error) {
      const reason = controller.signal.reason as Error
      if (reason === CANCELLED || reason === SHUTDOWN) throw new ConflictError(`sensitivity: ${reason.message}`)
      if (reason === limit) {
        throw new ConflictError(
          `sensitivity: ${limit.message}, the longest an analysis may hold the workers; narrow the scenario (fewer requests or experts)`,
        )
      }
      throw error
    } finally {
      clearTimeout(timer)
      this.analyses.delete(key)
    }
  }

  /** Cancels the sensitivity analysis started with `requestId`; false when none is running. */
  cancelSensitivity(requestId: string): { cancelled: boolean } {
    const analysis = this.analyses.get(requestId)
    analysis?.abort(CANCELLED)
    return { cancelled: analysis !== undefined }
  }

  /** Folds the sweeps of shard databases into this one (see sweepMerge.ts). */
  merge(paths: readonly string[]): MergeReport {
    return mergeSweeps(this.store, paths, now())
  }

  private summary(sweepId: number): SweepSummaryDto {
    const summary = this.store.sweeps.getSummary(sweepId)
    if (!summary) throw new NotFoundError(`sweep ${sweepId} does not exist`)
    return summary
  }

  private launch(sweepId: number, scenario: Scenario, axes: SweepAxis[], seeds: number, indices: number[]): void {
    const controller = new AbortController()
    this.record(sweepId, true, () => this.store.sweeps.markRunning(sweepId, this.owner.id))
    const done = this.execute(sweepId, { base: scenario, axes, seeds }, indices, controller.signal)
      .catch((error: unknown) =>
        this.log.error(`[SweepService] sweep ${sweepId} lost its bookkeeping: ${String(error)}`),
      )
      .finally(() => {
        this.active.delete(sweepId)
        this.lastAnnounced.delete(sweepId)
      })
    this.active.set(sweepId, { controller, done })
  }

  private async execute(
    sweepId: number,
    task: { base: Scenario; axes: SweepAxis[]; seeds: number },
    indices: number[],
    signal: AbortSignal,
  ): Promise<void> {
    const started = Date.now()
    let unrecorded = 0
    try {
      await runChunks(this.pool, task, indices, signal, (outcomes) => {
        if (!this.record(sweepId, false, () => this.store.sweeps.recordPoints(sweepId, outcomes))) {
          unrecorded += outcomes.length
        }
      })
      // Points computed but not stored stay pending: the sweep is not finished, and can be resumed.
      if (unrecorded > 0) {
        const message = `${unrecorded} point(s) could not be stored (see the log); resume to run them again`
        this.record(sweepId, true, () => this.store.sweeps.markEnded(sweepId, 'interrupted', message, now()))
        return
      }
      this.record(sweepId, true, () => this.store.sweeps.markEnded(sweepId, 'finished', null, now()))
      const seconds = ((Date.now() - started) / 1000).toFixed(2)
      this.log.info(`[SweepService] sweep ${sweepId}: ${indices.length} point(s) in ${seconds} s`)
    } catch (error) {
      const [status, message] =
        signal.reason === CANCELLED
          ? (['cancelled', CANCELLED.message] as const)
          : signal.reason === SHUTDOWN
            ? (['interrupted', SHUTDOWN.message] as const)
            : (['failed', error instanceof Error ? error.message : String(error)] as const)
      this.record(sweepId, true, () => this.store.sweeps.markEnded(sweepId, status, message, now()))
      if (status === 'failed') this.log.error(`[SweepService] sweep ${sweepId} failed: ${message}`)
    }
  }

  /**
   * Writes, then announces (progress at most every 100 ms; status changes always). A failed write
   * is logged and answered false, not thrown: it must not take the process down.
   */
  private record(sweepId: number, always: boolean, write: () => void): boolean {
    try {
      write()
    } catch (error) {
      this.log.error(`[SweepService] could not record sweep ${sweepId}: ${String(error)}`)
      return false
    }
    const last = this.lastAnnounced.get(sweepId) ?? 0
    if (!always && Date.now() - last < PROGRESS_INTERVAL_MS) return true
    this.lastAnnounced.set(sweepId, Date.now())
    try {
      const summary = this.store.sweeps.getSummary(sweepId)
      if (summary) this.announce(summary)
    } catch (error) {
      this.log.error(`[SweepService] could not read sweep ${sweepId} back: ${String(error)}`)
    }
    return true
  }

  private announce(summary: SweepSummaryDto): void {
    try {
      this.events.emit('onSweepUpdated', summary)
    } catch (error) {
      this.log.error(`[SweepService] a listener failed on sweep ${summary.id}: ${String(error)}`)
    }
  }
}
