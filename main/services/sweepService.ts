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
  gridSize,
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
import { checkGrid } from '../workers/pointsJob'
import type { SimPool } from '../workers/pool'
import { ConflictError, InvalidInputError, NotFoundError } from './errors'
import { CANCELLED, endOf, guarded, JobTracker, SHUTDOWN, writeThenAnnounce } from './jobs'
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

/** How long a sensitivity analysis may run before it is stopped: it holds the pool meanwhile. */
export const SENSITIVITY_LIMIT_MS = 5 * 60 * 1000
const PROGRESS_INTERVAL_MS = 100
const UNDO_WINDOW_MS = 60 * 60 * 1000
const now = (): string => new Date().toISOString()

/**
 * Characters of scenario JSON times points below which a grid is checked on the calling thread:
 * about 50 ms of parsing. Larger grids (a long trace times many points) go to the check lane, so
 * the main thread never parses for seconds; small ones skip a thread start.
 */
const INLINE_CHECK_BUDGET = 2_000_000

function isSmallGrid(scenario: Scenario, axes: readonly SweepAxis[]): boolean {
  const points = gridSize(axes)
  return points <= INLINE_CHECK_BUDGET && JSON.stringify(scenario).length * points <= INLINE_CHECK_BUDGET
}

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
  private readonly sweeps: JobTracker<number>
  /** Sensitivity analyses in flight, by the caller's request id (or a private one). */
  private readonly analyses: JobTracker<string | symbol>
  private readonly lastAnnounced = new Map<number, number>()

  constructor(
    private readonly store: Store,
    private readonly pool: SimPool,
    private readonly events: WorkbenchEvents,
    private readonly log: Logger,
    private readonly owner: RunOwner,
    private readonly sensitivityLimitMs = SENSITIVITY_LIMIT_MS,
  ) {
    this.sweeps = new JobTracker(log, 'SweepService')
    this.analyses = new JobTracker(log, 'SweepService')
  }

  /** Sweeps whose process died become interrupted (resume finishes them); old deletions go for good. */
  boot(): void {
    const count = this.store.sweeps.interruptAbandoned((owner) => this.owner.isAbandoned(owner), now())
    if (count > 0) this.log.info(`[SweepService] marked ${count} abandoned sweep(s) interrupted`)
    this.store.sweeps.purgeDeleted(new Date(Date.now() - UNDO_WINDOW_MS).toISOString())
  }

  async shutdown(): Promise<void> {
    await Promise.all([this.analyses.shutdown(), this.sweeps.shutdown()])
  }

  /**
   * Checks the whole grid (size, every point valid) in a worker, stores it and starts running it.
   * The check runs off the main thread: a large scenario times many points is seconds of parsing.
   */
  async start({ scenario, axes, seeds = 1, label, shard }: StartSweepInput): Promise<SweepSummaryDto> {
    const task = { base: scenario, axes }
    const check = isSmallGrid(scenario, axes) ? checkGrid(task) : await this.pool.checkGrid(task)
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
    if (this.sweeps.has(sweepId)) throw new ConflictError(`sweep ${sweepId} is running already`)
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
    if (!(await this.sweeps.cancel(sweepId))) {
      throw new ConflictError(`sweep ${sweepId} is ${summary.status} in no process of this workbench`)
    }
    return this.summary(sweepId)
  }

  delete(sweepId: number): { sweepId: number } {
    this.summary(sweepId)
    if (this.sweeps.has(sweepId)) throw new ConflictError(`sweep ${sweepId} is running: cancel it first`)
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
    await this.sweeps.waitFor(sweepId)
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
    const limit = new Error(`stopped after ${this.sensitivityLimitMs / 1000} s`)
    return new Promise((resolve, reject) => {
      const work = async (signal: AbortSignal): Promise<void> => {
        try {
          resolve(await measureSensitivity(this.pool, input, signal))
        } catch (error) {
          if (signal.reason === limit) {
            reject(
              new ConflictError(
                `sensitivity: ${limit.message}, the longest an analysis may hold the workers; narrow the scenario (fewer requests or experts)`,
              ),
            )
          } else if (signal.reason === CANCELLED || signal.reason === SHUTDOWN) {
            reject(new ConflictError(`sensitivity: ${endOf(signal, error).message}`))
          } else reject(error)
        }
      }
      this.analyses.launch(key, work, { ms: this.sensitivityLimitMs, reason: limit })
    })
  }

  /** Cancels the sensitivity analysis started with `requestId`; false when none is running. */
  async cancelSensitivity(requestId: string): Promise<{ cancelled: boolean }> {
    return { cancelled: await this.analyses.cancel(requestId) }
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
    this.record(sweepId, true, () => this.store.sweeps.markRunning(sweepId, this.owner.id))
    this.sweeps.launch(sweepId, (signal) =>
      this.execute(sweepId, { base: scenario, axes, seeds }, indices, signal).finally(() =>
        this.lastAnnounced.delete(sweepId),
      ),
    )
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
      const { status, message } = endOf(signal, error)
      this.record(sweepId, true, () => this.store.sweeps.markEnded(sweepId, status, message, now()))
      if (status === 'failed') this.log.error(`[SweepService] sweep ${sweepId} failed: ${message}`)
    }
  }

  /**
   * Writes, then announces (progress at most every 100 ms; status changes always); see
   * writeThenAnnounce. Answers whether the write landed.
   */
  private record(sweepId: number, always: boolean, write: () => void): boolean {
    const last = this.lastAnnounced.get(sweepId) ?? 0
    const due = always || Date.now() - last >= PROGRESS_INTERVAL_MS
    return writeThenAnnounce(
      this.log,
      'SweepService',
      `sweep ${sweepId}`,
      write,
      () => this.store.sweeps.getSummary(sweepId),
      due
        ? (summary) => {
            this.lastAnnounced.set(sweepId, Date.now())
            this.announce(summary)
          }
        : null,
    )
  }

  private announce(summary: SweepSummaryDto): void {
    guarded(this.log, 'SweepService', `a listener failed on sweep ${summary.id}`, () =>
      this.events.emit('onSweepUpdated', summary),
    )
  }
}
