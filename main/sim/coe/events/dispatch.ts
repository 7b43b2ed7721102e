import type { ServingContext } from '../context'
import type { Request } from '../state'
import type { ExpertId } from '../types'
import { startRun } from './continuous'
import { copyInFlight, evicted, prefetchNext, prefetching } from './prefetch'
import { nextExpert, routeWaiting } from './scheduling'
import { PRIORITY, type FollowUp } from './types'

/** The paper's batch: completions at closed-form times, then the batch's end. */
function paperBatch(ctx: ServingContext, batch: Request[], prompt: number): FollowUp[] {
  const { state, service } = ctx
  const firstToken = state.now + service.prefillSeconds(batch.length, prompt)
  let end = firstToken
  const followUps: FollowUp[] = batch.map((request) => {
    const done = firstToken + service.decodeSeconds(batch.length, prompt, request.outputTokens)
    if (done > end) end = done
    return { time: done, priority: PRIORITY.requestDone, event: { kind: 'requestDone', request, firstToken }, seq: 0 }
  })
  followUps.push({ time: end, priority: PRIORITY.batchDone, event: { kind: 'batchDone' }, seq: 0 })
  return followUps
}

/**
 * Starts a batch of up to maxBatch requests of a resident expert: in paper mode its completions
 * and end, in continuous mode its first prefill step. With prefetch on, the copy path then starts
 * on the next expert.
 */
export function startBatch(ctx: ServingContext, expert: ExpertId): FollowUp[] {
  const { state, config } = ctx
  ctx.onBatchStart?.(expert, state.cache.has(expert) && copyInFlight(ctx)?.expert !== expert)
  const queue = state.queues[expert]!
  const batch: Request[] = []
  let prompt = 0
  while (batch.length < config.maxBatch && queue.length > 0) {
    const request = queue.shift()!
    batch.push(request)
    if (request.promptTokens > prompt) prompt = request.promptTokens
  }
  if (queue.length === 0) state.waitingExperts.delete(expert)
  state.waiting -= batch.length
  state.current = expert
  const followUps =
    config.batching === 'continuous' ? startRun(ctx, expert, batch, prompt) : paperBatch(ctx, batch, prompt)
  prefetchNext(ctx, expert)
  return followUps
}

/** A switch into HBM: after `switchSeconds`, or after the copy in flight when the copy path is busy. */
function switchIn(ctx: ServingContext, expert: ExpertId, victim: ExpertId): FollowUp[] {
  const { state, service } = ctx
  let start = state.now
  if (prefetching(ctx)) {
    // Evicting the expert being prefetched stops its copy; any other copy finishes first.
    evicted(ctx, victim)
    start = copyInFlight(ctx)?.ready ?? start
  }
  return [
    { time: start + service.switchSeconds, priority: PRIORITY.switched, event: { kind: 'switched', expert }, seq: 0 },
  ]
}

/**
 * A hit on an expert a prefetch copied: a switch hidden behind compute, counted as a switch too.
 * Its batch waits for the rest of the copy if it has not finished.
 */
function prefetchedHit(ctx: ServingContext, expert: ExpertId): FollowUp[] {
  const { state, service, metrics } = ctx
  const wait = copyInFlight(ctx)?.expert === expert ? state.copy!.ready - state.now : 0
  metrics.counters.switches++
  metrics.counters.switchSeconds += service.switchSeconds
  metrics.hiddenSwitches++
  metrics.hiddenSwitchSeconds += service.switchSeconds - wait
  if (wait <= 0) return startBatch(ctx, expert)
  return [{ time: state.copy!.ready, priority: PRIORITY.switched, event: { kind: 'switched', expert }, seq: 0 }]
}

/** When the accelerator is free: route waiting arrivals, else switch to or run the next expert. */
export function dispatch(ctx: ServingContext): FollowUp[] {
  const { state, service, metrics } = ctx
  if (state.busy) return []
  if (state.unrouted.length > 0) return routeWaiting(ctx)
  const expert = nextExpert(ctx)
  if (expert < 0) return []
  state.busy = true
  const queue = state.queues[expert]!
  // The access is the batch's last request: Belady then looks for the expert's next use after it.
  const last = queue.at(Math.min(ctx.config.maxBatch, queue.length) - 1)!
  const victim = prefetching(ctx) && !state.cache.has(expert) ? state.cache.victim() : -1
  const hit = state.cache.access(expert, state.now, last.id)
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
