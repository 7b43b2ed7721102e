import type { ServingContext } from '../context'
import type { Request } from '../state'
import type { ExpertId } from '../types'
import { PRIORITY, type FollowUp } from './types'

/** Times out the head requests of `expert` that waited past the timeout. */
function dropExpired(ctx: ServingContext, expert: ExpertId): void {
  const { state, config, metrics } = ctx
  const queue = state.queues[expert]!
  const limit = config.timeoutSeconds
  if (limit === undefined) return
  for (let head = queue.peek(); head && state.now - head.arrival > limit; head = queue.peek()) {
    queue.shift()
    state.waiting--
    state.inSystem--
    metrics.counters.timedOut++
  }
  if (queue.length === 0) state.waitingExperts.delete(expert)
}

/** The expert whose oldest waiting request arrived first. */
function oldestHead(ctx: ServingContext): ExpertId {
  let best = -1
  let bestArrival = Infinity
  for (const expert of ctx.state.waitingExperts) {
    const head = ctx.state.queues[expert]!.peek()!
    if (head.arrival < bestArrival || (head.arrival === bestArrival && expert < best)) {
      best = expert
      bestArrival = head.arrival
    }
  }
  return best
}

/**
 * The next expert to serve. `fcfs`: the one holding the oldest waiting request. `residentFirst`:
 * stay on the expert just served while it has requests whose oldest has waited less than the
 * fairness bound, saving a switch; else fall back to FCFS.
 */
function chooseExpert(ctx: ServingContext): ExpertId {
  const { state, config } = ctx
  if (config.scheduling === 'residentFirst' && state.waitingExperts.has(state.current)) {
    const head = state.queues[state.current]!.peek()!
    if (state.now - head.arrival <= config.fairnessSeconds) return state.current
  }
  return oldestHead(ctx)
}

/** Starts a batch of up to maxBatch requests of a resident expert: completions, then the batch's end. */
export function startBatch(ctx: ServingContext, expert: ExpertId): FollowUp[] {
  const { state, config, service } = ctx
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
  const firstToken = state.now + service.prefillSeconds(batch.length, prompt)
  let end = firstToken
  const followUps: FollowUp[] = batch.map((request) => {
    const done = firstToken + service.decodeSeconds(batch.length, prompt, request.outputTokens)
    if (done > end) end = done
    return { time: done, priority: PRIORITY.requestDone, event: { kind: 'requestDone', request, firstToken } }
  })
  followUps.push({ time: end, priority: PRIORITY.batchDone, event: { kind: 'batchDone' } })
  return followUps
}

/** When the accelerator is free: route waiting arrivals, else switch to or run the next expert. */
export function dispatch(ctx: ServingContext): FollowUp[] {
  const { state, config, service, metrics } = ctx
  if (state.busy) return []
  if (state.unrouted.length > 0) {
    const requests: Request[] = []
    let prompt = 0
    while (requests.length < config.maxBatch && state.unrouted.length > 0) {
      const request = state.unrouted.shift()!
      requests.push(request)
      if (request.promptTokens > prompt) prompt = request.promptTokens
    }
    state.busy = true
    const time = state.now + service.routerSeconds(requests.length, prompt)
    return [{ time, priority: PRIORITY.routed, event: { kind: 'routed', requests } }]
  }
  for (;;) {
    if (state.waitingExperts.size === 0) return []
    const expert = chooseExpert(ctx)
    dropExpired(ctx, expert)
    if (!state.waitingExperts.has(expert)) continue
    state.busy = true
    const head = state.queues[expert]!.peek()!
    const hit = state.cache.access(expert, state.now, head.id)
    if (hit) {
      metrics.counters.hits++
      return startBatch(ctx, expert)
    }
    metrics.counters.misses++
    metrics.counters.switches++
    metrics.counters.switchSeconds += service.switchSeconds
    return [
      { time: state.now + service.switchSeconds, priority: PRIORITY.switched, event: { kind: 'switched', expert } },
    ]
  }
}
