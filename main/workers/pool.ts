import { Piscina } from 'piscina'
import { MessageChannel } from 'node:worker_threads'
import { setTimeout as delay } from 'node:timers/promises'
import type { PaperReport, RunResult, Scenario, ValidationReport } from '../../contract/api'
import type { PointOutcome } from '../sim/grid'
import type { PaperTask } from './paperJob'
import type { ValidationTask } from './validationJob'
import type { GridCheck, GridCheckTask, PointsTask } from './pointsJob'
import type { WorkerMessage } from './protocol'
import { TaskGate } from './taskGate'

/** How long a finished task may take to deliver its last messages before they are dropped (a safety net: `done` comes at once). */
const DRAIN_LIMIT_MS = 1000

export interface RunOptions {
  signal?: AbortSignal
  onStarted?: () => void
  onProgress?: (fraction: number) => void
}

/** Runs simulations in worker threads; a task aborted through its signal has its worker terminated. */
export interface SimPool {
  run(scenario: Scenario, options?: RunOptions): Promise<RunResult>
  /** Runs a chunk of a sweep's grid points; aborting terminates the worker, dropping the chunk. */
  evaluatePoints(task: PointsTask, options?: { signal?: AbortSignal }): Promise<PointOutcome[]>
  /** Validates every point of a grid off the main thread, in a lane of its own. */
  checkGrid(task: GridCheckTask): Promise<GridCheck>
  /** The SN40L paper's experiments, queued with the runs like any simulation. */
  paperReport(hostLinkModel: PaperTask['hostLinkModel']): Promise<PaperReport>
  /** Every measurement row simulated beside its measured value, queued likewise. */
  validationRun(task: ValidationTask): Promise<ValidationReport>
  /** How many tasks run at once: a sweep splits its grid into several times as many chunks. */
  readonly threads: number
  destroy(): Promise<void>
}

export interface PoolOptions {
  /** The worker module; a `.ts` file runs through tsx (tests, development), a `.js` one as is (built). */
  workerFile: URL
  maxThreads?: number
  /** How long a finished run may take to deliver its last messages (tests lengthen it). */
  drainLimitMs?: number
}

/** The simWorker next to the code that runs: out/main/simWorker.js when built, the .ts source otherwise. */
export function defaultWorkerFile(): URL {
  const here = new URL(import.meta.url)
  const extension = here.pathname.endsWith('.ts') ? 'ts' : 'js'
  return new URL(`./simWorker.${extension}`, here)
}

export function createSimPool({ workerFile, maxThreads = 2, drainLimitMs = DRAIN_LIMIT_MS }: PoolOptions): SimPool {
  const lane = (threads: number, idleTimeout: number): Piscina =>
    new Piscina({
      filename: workerFile.href,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout,
      execArgv: workerFile.pathname.endsWith('.ts') ? ['--import', 'tsx'] : [],
    })
  const piscina = lane(maxThreads, 30_000)
  // Grid checks get a lane of their own: a sweep's start must not wait behind long simulations.
  // Nothing in it is ever aborted, so piscina's own queue serves it well.
  const checks = lane(1, 5_000)
  const gate = new TaskGate(maxThreads)
  const runTask = async (scenario: Scenario, options: RunOptions): Promise<RunResult> => {
    const { port1, port2 } = new MessageChannel()
    // Messages still queued when the task settles must not reach a caller that has moved on.
    let settled = false
    let markDrained = (): void => {}
    // The worker's last message is `done`; waiting for it keeps 'started' and the final
    // progress ahead of the result. (Its port's 'close' never reaches us on Node 20.)
    const drained = new Promise<void>((resolve) => (markDrained = resolve))
    port1.on('message', (message: WorkerMessage) => {
      if (message.type === 'done') return markDrained()
      if (settled) return
      if (message.type === 'started') options.onStarted?.()
      else options.onProgress?.(message.fraction)
    })
    port1.once('close', () => markDrained())
    try {
      const result = (await piscina.run(
        { scenario, port: port2 },
        { transferList: [port2], signal: options.signal ?? null },
      )) as RunResult
      const limit = new AbortController()
      await Promise.race([drained, delay(drainLimitMs, undefined, { signal: limit.signal }).catch(() => {})])
      limit.abort()
      return result
    } finally {
      settled = true
      port1.close()
    }
  }
  const named = <T>(name: string, task: unknown, signal: AbortSignal | undefined): Promise<T> =>
    gate.run(async () => (await piscina.run(task, { name, signal: signal ?? null })) as T, signal)
  return {
    run: (scenario, options = {}) => gate.run(() => runTask(scenario, options), options.signal),
    evaluatePoints: (task, options = {}) => named<PointOutcome[]>('evaluatePoints', task, options.signal),
    checkGrid: async (task) => (await checks.run(task, { name: 'checkGrid' })) as GridCheck,
    paperReport: (hostLinkModel) => named<PaperReport>('paperReport', { hostLinkModel } satisfies PaperTask, undefined),
    validationRun: (task) => named<ValidationReport>('validationRun', task, undefined),
    threads: maxThreads,
    destroy: async () => {
      await Promise.all([piscina.destroy(), checks.destroy()])
    },
  }
}
