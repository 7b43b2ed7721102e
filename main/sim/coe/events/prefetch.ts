import type { ServingContext } from '../context'
import { CACHE_POLICY } from '../policies/cache/registry'
import type { ExpertId } from '../types'
import { accessCache } from './gauges'
import { oldestHead } from './scheduling'

/** Whether this run prefetches: asked for, and not with a cache that refuses it (Belady's, whose future is per access). */
export function prefetching(ctx: ServingContext): boolean {
  return ctx.config.prefetch && CACHE_POLICY[ctx.config.cachePolicy].refusesPrefetch === null
}

/** The copy on the copy path that has not finished by now, or null. */
export function copyInFlight(ctx: ServingContext): { expert: ExpertId; ready: number } | null {
  const { copy, now } = ctx.state
  return copy !== null && copy.ready > now ? copy : null
}

/** A resident expert leaves HBM: a prefetch of it that no batch used was wasted, and an unfinished copy stops. */
export function evicted(ctx: ServingContext, victim: ExpertId): void {
  const { state, metrics } = ctx
  if (victim < 0) return
  if (state.prefetched.delete(victim)) metrics.wastedPrefetches++
  if (state.copy?.expert === victim) state.copy = null
}

/**
 * When a batch of `running` starts: copy the expert of the oldest waiting request (FCFS order)
 * into HBM beside compute, when it is neither resident nor `running`, no other copy is in flight,
 * and the cache's victim is not `running`. The victim leaves HBM now (its slot is being
 * overwritten); the expert is resident from now but can be served only once the copy ends.
 */
export function prefetchNext(ctx: ServingContext, running: ExpertId): void {
  const { state, service, metrics } = ctx
  if (!prefetching(ctx) || copyInFlight(ctx)) return
  const next = oldestHead(ctx)
  if (next < 0 || next === running || state.cache.has(next)) return
  // A head that has already timed out will be dropped, not served: copying its expert is waste.
  const limit = ctx.config.timeoutSeconds
  if (limit !== undefined && state.now - state.queues[next]!.peek()!.arrival > limit) return
  const victim = state.cache.victim()
  if (victim === running) return
  const head = state.queues[next]!.peek()!
  accessCache(ctx, next, head.id)
  // No slot could hold it (slots = 0, or every slot pinned): nothing was copied.
  if (!state.cache.has(next)) return
  evicted(ctx, victim)
  state.prefetched.add(next)
  state.copy = { expert: next, ready: state.now + service.switchSeconds }
  metrics.prefetches++
}
