import type { ServingContext } from '../context'
import type { Request } from '../state'
import type { ExpertId } from '../types'
import { ServingEvent, type FollowUp } from './types'

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

/** The expert whose oldest waiting request arrived first (-1 when none waits). */
export function oldestHead(ctx: ServingContext): ExpertId {
  const { waitingExperts, queues } = ctx.state
  let best = -1
  let bestArrival = Infinity
  for (let i = 0; i < waitingExperts.size; i++) {
    const expert = waitingExperts.at(i)
    const head = queues[expert]!.peek()!
    if (head.arrival < bestArrival || (head.arrival === bestArrival && expert < best)) {
      best = expert
      bestArrival = head.arrival
    }
  }
  return best
}

/**
 * The next expert to serve. `fcfs`: the one holding the oldest waiting request. `residentFirst`:
 * stay on the expert just served, saving a switch, while no request anywhere has waited longer
 * than the fairness bound; once one has, serve its expert (FCFS), so no expert starves.
 */
function chooseExpert(ctx: ServingContext): ExpertId {
  const { state, config } = ctx
  const oldest = oldestHead(ctx)
  if (config.scheduling !== 'residentFirst' || !state.waitingExperts.has(state.current)) return oldest
  const head = state.queues[oldest]!.peek()!
  return state.now - head.arrival > config.fairnessSeconds ? oldest : state.current
}

/**
 * The scheduling policy's choice among experts with requests still waiting after timeouts, or -1
 * when none waits. Requests of the experts it looks at that waited too long time out here.
 */
export function nextExpert(ctx: ServingContext): ExpertId {
  const { state } = ctx
  for (;;) {
    if (state.waitingExperts.size === 0) return -1
    const expert = chooseExpert(ctx)
    dropExpired(ctx, expert)
    if (state.waitingExperts.has(expert)) return expert
  }
}

/** A router pass over up to maxBatch of the requests waiting for it, at their longest prompt. */
export function routeWaiting(ctx: ServingContext): FollowUp[] {
  const { state, config, service } = ctx
  const requests: Request[] = []
  let prompt = 0
  while (requests.length < config.maxBatch && state.unrouted.length > 0) {
    const request = state.unrouted.shift()!
    requests.push(request)
    if (request.promptTokens > prompt) prompt = request.promptTokens
  }
  state.busy = true
  const seconds = service.routerSeconds(requests.length, prompt)
  ctx.metrics.routerSeconds += seconds
  const time = state.now + seconds
  return [ServingEvent.routed(time, requests)]
}
