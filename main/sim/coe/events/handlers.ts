import type { ServingContext } from '../context'
import type { Request } from '../state'
import { complete } from './complete'
import { nextStep, onDecodeDone, onPrefillDone } from './continuous'
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
  return [{ time: next.time, priority: PRIORITY.arrival, event: { kind: 'arrival', request }, seq: 0 }]
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
  const followUps = nextArrival(ctx)
  for (const f of dispatch(ctx)) followUps.push(f)
  return followUps
}

/** The accelerator is free: dispatch the next batch. */
function freed(ctx: ServingContext): FollowUp[] {
  ctx.state.busy = false
  return dispatch(ctx)
}

/** A step boundary of a continuous batch: its next step, or, once it has emptied, a dispatch. */
function stepped(ctx: ServingContext): FollowUp[] {
  return nextStep(ctx) ?? freed(ctx)
}

function onRouted(ctx: ServingContext, requests: Request[]): FollowUp[] {
  for (const request of requests) enqueue(ctx, request)
  // A router pass between the steps of a continuous batch: the batch goes on.
  return ctx.state.running ? stepped(ctx) : freed(ctx)
}

function onRequestDone(ctx: ServingContext, request: Request, firstToken: number): FollowUp[] {
  complete(ctx, request, firstToken)
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
      followUps = freed(ctx)
      break
    case 'prefillDone':
      onPrefillDone(ctx, event.requests)
      followUps = stepped(ctx)
      break
    case 'decodeDone':
      onDecodeDone(ctx)
      followUps = stepped(ctx)
      break
  }
  recordGauges(ctx)
  return followUps
}
