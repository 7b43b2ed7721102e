import type { ServingContext } from '../context'
import type { RequestQueue } from '../requestQueue'
import type { Request } from '../state'
import type { ExpertId } from '../types'
import { startRun } from './continuous'
import { accessCache } from './gauges'
import { copyInFlight, evicted, prefetchNext, prefetching } from './prefetch'
import { nextExpert, routeWaiting } from './scheduling'
import { NO_FOLLOW_UPS, ServingEvent, type FollowUp } from './types'

/** The paper's batch of the `size` requests at the queue's head: completions at closed-form times, then its end. */
function paperBatch(ctx: ServingContext, queue: RequestQueue, size: number, prompt: number): FollowUp[] {
  const { state, service } = ctx
  const firstToken = state.now + service.prefillSeconds(size, prompt)
  let end = firstToken
  const followUps: FollowUp[] = []
  for (let i = 0; i < size; i++) {
    const request = queue.shift()!
    const done = firstToken + service.decodeSeconds(size, prompt, request.outputTokens)
    if (done > end) end = done
    followUps.push(ServingEvent.requestDone(done, request, firstToken))
  }
  followUps.push(ServingEvent.batchDone(end))
  return followUps
}

/** The `size` requests at the queue's head, taken from it. */
function take(queue: RequestQueue, size: number): Request[] {
  const requests: Request[] = []
  for (let i = 0; i < size; i++) requests.push(queue.shift()!)
  return requests
}

/**
 * Starts a batch of up to maxBatch requests of a resident expert: in paper mode its completions
 * and end, in continuous mode its first prefill step. With prefetch on, the copy path then starts
 * on the next expert.
 */
export function startBatch(ctx: ServingContext, expert: ExpertId): readonly FollowUp[] {
  const { state, config } = ctx
  ctx.onBatchStart?.(expert, state.cache.has(expert) && copyInFlight(ctx)?.expert !== expert)
  const queue = state.queues[expert]!
  const size = Math.min(config.maxBatch, queue.length)
  let prompt = 0
  for (let i = 0; i < size; i++) prompt = Math.max(prompt, queue.at(i)!.promptTokens)
  state.waiting -= size
  state.current = expert
  const followUps =
    config.batching === 'continuous'
      ? startRun(ctx, expert, take(queue, size), prompt)
      : paperBatch(ctx, queue, size, prompt)
  if (queue.length === 0) state.waitingExperts.delete(expert)
  prefetchNext(ctx, expert)
  return followUps
}

/** A switch into HBM: after `switchSeconds`, or after the copy in flight when the copy path is busy. */
function switchIn(ctx: ServingContext, expert: ExpertId, victim: ExpertId): readonly FollowUp[] {
  const { state, service } = ctx
  let start = state.now
  if (prefetching(ctx)) {
    // Evicting the expert being prefetched stops its copy; any other copy finishes first.
    evicted(ctx, victim)
    start = copyInFlight(ctx)?.ready ?? start
  }
  return [ServingEvent.switched(start + service.switchSeconds, expert)]
}

/**
 * A hit on an expert a prefetch copied: a switch hidden behind compute, counted as a switch too.
 * Its batch waits for the rest of the copy if it has not finished.
 */
function prefetchedHit(ctx: ServingContext, expert: ExpertId): readonly FollowUp[] {
  const { state, service, metrics } = ctx
  const wait = copyInFlight(ctx)?.expert === expert ? state.copy!.ready - state.now : 0
  metrics.counters.switches++
  metrics.counters.switchSeconds += service.switchSeconds
  metrics.hiddenSwitches++
  metrics.hiddenSwitchSeconds += service.switchSeconds - wait
  if (wait <= 0) return startBatch(ctx, expert)
  return [ServingEvent.switched(state.copy!.ready, expert)]
}

/** When the accelerator is free: route waiting arrivals, else switch to or run the next expert. */
export function dispatch(ctx: ServingContext): readonly FollowUp[] {
  const { state, service, metrics } = ctx
  if (state.busy) return NO_FOLLOW_UPS
  if (state.unrouted.length > 0) return routeWaiting(ctx)
  const expert = nextExpert(ctx)
  if (expert < 0) return NO_FOLLOW_UPS
  state.busy = true
  const queue = state.queues[expert]!
  // The access is the batch's last request: Belady then looks for the expert's next use after it.
  const last = queue.at(Math.min(ctx.config.maxBatch, queue.length) - 1)!
  const victim = prefetching(ctx) && !state.cache.has(expert) ? state.cache.victim() : -1
  const hit = accessCache(ctx, expert, last.id)
  if (hit) {
    metrics.counters.hits++
    if (state.prefetched.delete(expert)) return prefetchedHit(ctx, expert)
    return startBatch(ctx, expert)
  }
  metrics.counters.misses++
  metrics.counters.switches++
  metrics.counters.switchSeconds += service.switchSeconds
  return switchIn(ctx, expert, victim)
}
