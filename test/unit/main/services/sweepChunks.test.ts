import { describe, expect, it } from 'vitest'
import { chunk, chunkSize, runChunks } from '../../../../main/services/sweepChunks'
import type { SimPool } from '../../../../main/workers/pool'
import type { PointsTask } from '../../../../main/workers/pointsJob'

/** A pool that answers each chunk after a tick, remembering how many ran at once. */
function fakePool(threads: number, fail?: number): SimPool & { peak: number; seen: number[][] } {
  let running = 0
  const pool = {
    threads,
    peak: 0,
    seen: [] as number[][],
    run: () => Promise.reject(new Error('unused')),
    checkGrid: () => Promise.reject(new Error('unused')),
    paperReport: () => Promise.reject(new Error('unused')),
    validationRun: () => Promise.reject(new Error('unused')),
    destroy: () => Promise.resolve(),
    async evaluatePoints(task: PointsTask, options: { signal?: AbortSignal } = {}) {
      running += 1
      pool.peak = Math.max(pool.peak, running)
      pool.seen.push(task.indices)
      await new Promise((resolve) => setTimeout(resolve, 2))
      running -= 1
      if (options.signal?.aborted) throw options.signal.reason
      if (task.indices.includes(fail ?? -1)) throw new Error('worker died')
      return task.indices.map((index) => ({ index, status: 'done' as const, metrics: {} }))
    },
  }
  return pool
}

const task = { base: {} as PointsTask['base'], axes: [], seeds: 1 }

describe('sweep chunks', () => {
  it.each([
    // 10,000 points on 2 threads: 10,000 / 16 = 625, capped at 200
    [10_000, 2, 200],
    // 1,000 points: 1,000 / 16 = 63
    [1_000, 2, 63],
    // 100 points: at least 25 per message
    [100, 2, 25],
    // 10 points on 2 threads: half each
    [10, 2, 5],
    [1, 2, 1],
  ])('sizes %i points on %i threads as chunks of %i', (points, threads, size) => {
    expect(chunkSize(points, threads)).toBe(size)
  })

  it('splits in order, the last chunk shorter', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
  })

  it('runs every chunk, two in flight per thread, and hears each', async () => {
    const pool = fakePool(2)
    const heard: number[] = []
    const indices = Array.from({ length: 300 }, (_, i) => i)
    await runChunks(pool, task, indices, new AbortController().signal, (outcomes) =>
      heard.push(...outcomes.map((o) => o.index)),
    )
    expect(heard.sort((a, b) => a - b)).toEqual(indices)
    expect(pool.peak).toBe(4)
  })

  it('stops the rest when a chunk throws, and rethrows', async () => {
    const pool = fakePool(1, 30)
    const indices = Array.from({ length: 200 }, (_, i) => i)
    await expect(runChunks(pool, task, indices, new AbortController().signal, () => {})).rejects.toThrow('worker died')
    expect(pool.seen.length).toBeLessThan(8)
  })

  it('stops on the caller’s abort with its reason', async () => {
    const pool = fakePool(1)
    const controller = new AbortController()
    const reason = new Error('cancelled')
    const running = runChunks(
      pool,
      task,
      Array.from({ length: 200 }, (_, i) => i),
      controller.signal,
      () => controller.abort(reason),
    )
    await expect(running).rejects.toBe(reason)
    expect(pool.seen.length).toBeLessThan(8)
  })
})
