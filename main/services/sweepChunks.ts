import type { PointOutcome } from '../sim'
import type { SimPool } from '../workers/pool'
import type { PointsTask } from '../workers/pointsJob'

/** Points per chunk: enough to amortise a message (~25), few enough for progress and balance (≤ 200). */
export function chunkSize(points: number, threads: number): number {
  const perThread = Math.ceil(points / Math.max(1, threads))
  return Math.max(1, Math.min(200, Math.max(Math.min(25, perThread), Math.ceil(points / (threads * 8)))))
}

/** Splits indices into consecutive chunks of `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size))
  return chunks
}

/**
 * Runs the points in chunks across the pool, two chunks queued per thread so no worker idles
 * between messages; `onChunk` hears each chunk's outcomes as it lands. A chunk that throws (a
 * worker that died) or the caller's abort stops the rest: the error is rethrown.
 */
export async function runChunks(
  pool: SimPool,
  task: Omit<PointsTask, 'indices'>,
  indices: readonly number[],
  signal: AbortSignal,
  onChunk: (outcomes: PointOutcome[]) => void,
): Promise<void> {
  const chunks = chunk(indices, chunkSize(indices.length, pool.threads))
  const siblings = new AbortController()
  const stop = (): void => siblings.abort(signal.reason)
  if (signal.aborted) stop()
  signal.addEventListener('abort', stop, { once: true })
  let next = 0
  const runner = async (): Promise<void> => {
    while (next < chunks.length && !siblings.signal.aborted) {
      const chunkIndices = chunks[next++]!
      try {
        onChunk(await pool.evaluatePoints({ ...task, indices: chunkIndices }, { signal: siblings.signal }))
      } catch (error) {
        if (!siblings.signal.aborted) siblings.abort(error)
        throw error
      }
    }
  }
  try {
    const runners = Array.from({ length: Math.min(chunks.length, pool.threads * 2) }, runner)
    const settled = await Promise.allSettled(runners)
    if (siblings.signal.aborted) throw siblings.signal.reason
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
    if (failure) throw failure.reason
  } finally {
    signal.removeEventListener('abort', stop)
  }
}
