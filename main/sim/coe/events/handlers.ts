import type { ServingContext } from '../context'
import type { Request } from '../state'
import { dispatch, startBatch } from './dispatch'
import { recordGauges } from './gauges'
import { PRIORITY, type FollowUp, type ServingEvent } from './types'

/** Pulls the next request from the source, as an arrival event. */
export function nextArrival(ctx: ServingContext): FollowUp[] {
  const next = ctx.source.next()
  if (!next) return []
  const id = ctx.nextRequestId++
  const request: Request = {
    id,
    arrival: next.time,
    promptTokens: next.promptTokens,
    outputTokens: next.outputTokens,
    expert: -1,
  }
  return [{ time: next.time, priority: PRIORITY.arrival, event: { kind: 'arrival', request } }]
}

function enqueue(ctx: ServingContext, request: Request): void {
  const { state } = ctx
  request.expert = ctx.expertOf(request.id)
  state.queues[request.expert]!.push(request)
  state.waitingExperts.add(request.expert)
}

function onArrival(ctx: ServingContext, request: Request): FollowUp[] {
  const { state, config, metrics } = ctx
  metrics.counters.arrived++
  state.waiting++
  state.inSystem++
  if (config.routerModel === null) enqueue(ctx, request)
  else state.unrouted.push(request)
  return [...nextArrival(ctx), ...dispatch(ctx)]
}

function onRouted(ctx: ServingContext, requests: Request[]): FollowUp[] {
  for (const request of requests) enqueue(ctx, request)
  ctx.state.busy = false
  return dispatch(ctx)
}

function onRequestDone(ctx: ServingContext, request: Request, firstToken: number): FollowUp[] {
  const { state, metrics } = ctx
  const latency = state.now - request.arrival
  metrics.ttft.record(firstToken - request.arrival)
  if (request.outputTokens > 1) metrics.tpot.record((state.now - firstToken) / (request.outputTokens - 1))
  metrics.e2e.record(latency)
  metrics.series.latency.sample(state.now, latency)
  metrics.counters.completed++
  metrics.outputTokens += request.outputTokens
  metrics.lastCompletion = state.now
  state.inSystem--
  return []
}

/**
 * The handlers: each reads and changes the context and returns the events it causes; none
 * touches the queue. Gauges are recorded after every event.
 */
export function handle(ctx: ServingContext, event: ServingEvent): FollowUp[] {
  let followUps: FollowUp[]
  switch (event.kind) {
    case 'arrival':
      followUps = onArrival(ctx, event.request)
      break
    case 'routed':
      followUps = onRouted(ctx, event.requests)
      break
    case 'switched':
      followUps = startBatch(ctx, event.expert)
      break
    case 'requestDone':
      followUps = onRequestDone(ctx, event.request, event.firstToken)
      break
    case 'batchDone':
      ctx.state.busy = false
      followUps = dispatch(ctx)
      break
  }
  recordGauges(ctx)
  return followUps
}
