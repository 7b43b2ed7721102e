import type { ServingContext } from '../context'
import type { ExpertId } from '../types'

/**
 * Records the state's gauges at the current time: waiting and in-system requests, busy. A tally
 * only hears of a change (this runs once per event); the sampled series take a point whenever
 * their interval has passed. Resident experts change only at a cache access, so `accessCache`
 * records them there instead of asking the cache after every event.
 */
export function recordGauges(ctx: ServingContext): void {
  const { state, metrics } = ctx
  const { last } = metrics
  const now = state.now
  const busy = state.busy ? 1 : 0
  if (state.waiting !== last.waiting) metrics.waiting.set(now, (last.waiting = state.waiting))
  if (state.inSystem !== last.inSystem) metrics.inSystem.set(now, (last.inSystem = state.inSystem))
  if (busy !== last.busy) metrics.busy.set(now, (last.busy = busy))
  const { series } = metrics
  // The three share one interval and are offered together, so they are due together.
  if (now < series.waiting.nextInstant) return
  series.waiting.sample(now, state.waiting)
  series.resident.sample(now, last.resident)
  series.switches.sample(now, metrics.counters.switches)
}

/** One access to the expert cache (see ExpertCache.access), recording the resident-experts gauge if it moved. */
export function accessCache(ctx: ServingContext, expert: ExpertId, index: number): boolean {
  const { state, metrics } = ctx
  const hit = state.cache.access(expert, state.now, index)
  const resident = state.cache.residentCount()
  if (resident !== metrics.last.resident) metrics.resident.set(state.now, (metrics.last.resident = resident))
  return hit
}
