import type { RunResult, Scenario } from '../../contract/api'
import { consecutiveSeeds, summariseSeedSpread } from '../sim'
import type { RunOptions, SimPool } from '../workers/pool'

/**
 * One run's simulation in the worker pool: the scenario as it is, or with `seeds` > 1 a seed
 * spread: consecutive seeds across the workers, keeping the first seed's result and adding each
 * seed-spread metric's P5–P95. `onProgress` hears the mean over the seeds. One seed failing
 * stops its siblings: the spread cannot finish without it.
 */
export async function simulateRun(
  pool: SimPool,
  scenario: Scenario,
  seeds: number,
  options: RunOptions = {},
): Promise<RunResult> {
  if (seeds <= 1) return pool.run(scenario, options)
  const progress = new Array<number>(seeds).fill(0)
  const siblings = new AbortController()
  options.signal?.addEventListener('abort', () => siblings.abort(options.signal!.reason), { once: true })
  const results = await Promise.all(
    consecutiveSeeds(scenario.seed, seeds).map((seed, index) =>
      pool
        .run(
          { ...scenario, seed },
          {
            signal: siblings.signal,
            onStarted: options.onStarted,
            onProgress: (fraction) => {
              progress[index] = fraction
              options.onProgress?.(progress.reduce((a, b) => a + b, 0) / seeds)
            },
          },
        )
        .catch((error: unknown) => {
          siblings.abort(error)
          throw error
        }),
    ),
  )
  return { ...results[0]!, seedSpread: summariseSeedSpread(results) }
}
