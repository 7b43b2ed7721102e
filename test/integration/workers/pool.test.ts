import { afterEach, describe, expect, it } from 'vitest'
import { paperReport } from '../../../main/sim/paper/report'
import { createSimPool, defaultWorkerFile, type SimPool } from '../../../main/workers/pool'
import { SCRIPTED_WORKER, scenario } from '../helpers/tempContainer'

let pool: SimPool | undefined
afterEach(async () => {
  await pool?.destroy()
  pool = undefined
})

/** Resolves with how a promise settled, or 'pending' if it has not within `ms`. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<'fulfilled' | 'rejected' | 'pending'> {
  return Promise.race([
    promise.then(
      () => 'fulfilled' as const,
      () => 'rejected' as const,
    ),
    new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms)),
  ])
}

describe('the worker pool', () => {
  it('runs a queued task once the tasks ahead of it are cancelled (nothing stranded)', async () => {
    pool = createSimPool({ workerFile: SCRIPTED_WORKER, maxThreads: 2 })
    const first = new AbortController()
    const second = new AbortController()
    const started: string[] = []
    const hang = (controller: AbortController, name: string) =>
      pool!.run(scenario('hang'), { signal: controller.signal, onStarted: () => started.push(name) })
    const a = hang(first, 'a').catch(() => 'aborted')
    const b = hang(second, 'b').catch(() => 'aborted')
    const queued = pool.run(scenario('behind'))
    while (started.length < 2) await new Promise((resolve) => setTimeout(resolve, 20))
    first.abort(new Error('cancel a'))
    second.abort(new Error('cancel b'))
    expect(await a).toBe('aborted')
    expect(await b).toBe('aborted')
    // Before the fix the third run stayed queued until some other task was submitted.
    expect(await settledWithin(queued, 15_000)).toBe('fulfilled')
  })

  it('delivers started and the final progress before the result, without waiting out the drain limit', async () => {
    // A drain limit longer than the test's timeout: a run that waits for it (the old wait for a
    // port 'close' that Node 20 never delivers) times the test out instead of passing.
    pool = createSimPool({ workerFile: SCRIPTED_WORKER, maxThreads: 1, drainLimitMs: 600_000 })
    const seen: string[] = []
    await pool.run(scenario('quick'), {
      onStarted: () => seen.push('started'),
      onProgress: (fraction) => seen.push(`progress ${fraction}`),
    })
    expect(seen[0]).toBe('started')
    expect(seen.at(-1)).toBe('progress 1')
  })

  it('computes the paper check in a worker, number for number as the core does', async () => {
    pool = createSimPool({ workerFile: defaultWorkerFile(), maxThreads: 1 })
    const report = await pool.paperReport('perGpuLinks')
    // Structured cloning keeps every number and key order: the JSON (`memwall paper --json`) is the same.
    expect(JSON.stringify(report)).toBe(JSON.stringify(paperReport('perGpuLinks')))
  })
})
