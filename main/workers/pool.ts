import { Piscina } from 'piscina'
import { MessageChannel } from 'node:worker_threads'
import { setTimeout as delay } from 'node:timers/promises'
import type { RunResult, Scenario } from '../../preload/api'
import type { PointOutcome } from '../sim/grid'
import type { PointsTask } from './pointsJob'
import type { WorkerMessage } from './protocol'

/** How long a finished task may take to deliver its last messages before they are dropped. */
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
  /** How many tasks run at once: a sweep splits its grid into several times as many chunks. */
  readonly threads: number
  destroy(): Promise<void>
}

export interface PoolOptions {
  /** The worker module; a `.ts` file runs through tsx (tests, development), a `.js` one as is (built). */
  workerFile: URL
  maxThreads?: number
}

/** The simWorker next to the code that runs: out/main/simWorker.js when built, the .ts source otherwise. */
export function defaultWorkerFile(): URL {
  const here = new URL(import.meta.url)
  const extension = here.pathname.endsWith('.ts') ? 'ts' : 'js'
  return new URL(`./simWorker.${extension}`, here)
}

export function createSimPool({ workerFile, maxThreads = 2 }: PoolOptions): SimPool {
  const piscina = new Piscina({
    filename: workerFile.href,
    minThreads: 0,
    maxThreads,
    idleTimeout: 30_000,
    execArgv: workerFile.pathname.endsWith('.ts') ? ['--import', 'tsx'] : [],
  })
  return {
    async run(scenario, options = {}) {
      const { port1, port2 } = new MessageChannel()
      // Messages still queued when the task settles must not reach a caller that has moved on.
      let settled = false
      port1.on('message', (message: WorkerMessage) => {
        if (settled) return
        if (message.type === 'started') options.onStarted?.()
        else options.onProgress?.(message.fraction)
      })
      // The worker closes its end after its last message; waiting for that keeps 'started' and
      // the final progress ahead of the result.
      const drained = new Promise<void>((resolve) => port1.once('close', resolve))
      try {
        const result = (await piscina.run(
          { scenario, port: port2 },
          { transferList: [port2], signal: options.signal ?? null },
        )) as RunResult
        await Promise.race([drained, delay(DRAIN_LIMIT_MS)])
        return result
      } finally {
        settled = true
        port1.close()
      }
    },
    evaluatePoints: async (task, options = {}) =>
      (await piscina.run(task, { name: 'evaluatePoints', signal: options.signal ?? null })) as PointOutcome[],
    threads: maxThreads,
    destroy: () => piscina.destroy(),
  }
}
