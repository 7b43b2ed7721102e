import type { ServingContext } from '../context'

/**
 * Records the state's gauges at the current time: waiting and in-system requests, busy, resident
 * experts. A tally only hears of a change (the hot path runs once per event); the sampled series
 * take a point whenever their interval has passed.
 */
export function recordGauges(ctx: ServingContext): void {
  const { state, metrics } = ctx
  const { last } = metrics
  const now = state.now
  const resident = state.cache.residentCount()
  const busy = state.busy ? 1 : 0
  if (state.waiting !== last.waiting) metrics.waiting.set(now, (last.waiting = state.waiting))
  if (state.inSystem !== last.inSystem) metrics.inSystem.set(now, (last.inSystem = state.inSystem))
  if (busy !== last.busy) metrics.busy.set(now, (last.busy = busy))
  if (resident !== last.resident) metrics.resident.set(now, (last.resident = resident))
  metrics.series.waiting.sample(now, state.waiting)
  metrics.series.resident.sample(now, resident)
  metrics.series.switches.sample(now, metrics.counters.switches)
}
