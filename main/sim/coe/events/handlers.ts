import type { ServingContext } from '../context'
import type { Request } from '../state'
import { complete } from './complete'
import { nextStep, onDecodeDone, onPrefillDone } from './continuous'
import { dispatch, startBatch } from './dispatch'
import { recordGauges } from './gauges'
import { NO_FOLLOW_UPS, ServingEvent, type FollowUp } from './types'

/** Pulls the next request from the source, as an arrival event (null when the run has them all). */
export function nextArrival(ctx: ServingContext): FollowUp | null {
  const request = ctx.source.next(ctx.nextRequestId)
  if (!request) return null
  ctx.nextRequestId++
  return ServingEvent.arrival(request.arrival, request)
}

function enqueue(ctx: ServingContext, request: Request): void {
  const { state } = ctx
  request.expert = ctx.expertOf(request.id)
  state.queues[request.expert]!.push(request)
  state.waitingExperts.add(request.expert)
}

function onArrival(ctx: ServingContext, request: Request): readonly FollowUp[] {
  const { state, config, metrics } = ctx
  metrics.counters.arrived++
  state.waiting++
  state.inSystem++
  if (config.routerModel === null) enqueue(ctx, request)
  else state.unrouted.push(request)
  const next = nextArrival(ctx)
  const dispatched = dispatch(ctx)
  if (next === null) return dispatched
  if (dispatched.length === 0) return [next]
  return [next, ...dispatched]
}

/** The accelerator is free: dispatch the next batch. */
function freed(ctx: ServingContext): readonly FollowUp[] {
  ctx.state.busy = false
  return dispatch(ctx)
}

/** A step boundary of a continuous batch: its next step, or, once it has emptied, a dispatch. */
function stepped(ctx: ServingContext): readonly FollowUp[] {
  return nextStep(ctx) ?? freed(ctx)
}

function onRouted(ctx: ServingContext, requests: Request[]): readonly FollowUp[] {
  for (const request of requests) enqueue(ctx, request)
  // A router pass between the steps of a continuous batch: the batch goes on.
  return ctx.state.running ? stepped(ctx) : freed(ctx)
}

/**
 * The handlers: each reads and changes the context and returns the events it causes; none
 * touches the queue. Gauges are recorded after every event.
 */
export function handle(ctx: ServingContext, event: ServingEvent): readonly FollowUp[] {
  let followUps: readonly FollowUp[]
  switch (event.kind) {
    case 'arrival':
      followUps = onArrival(ctx, event.request!)
      break
    case 'routed':
      followUps = onRouted(ctx, event.requests!)
      break
    case 'switched':
      followUps = startBatch(ctx, event.expert)
      break
    case 'requestDone':
      complete(ctx, event.request!, event.firstToken)
      followUps = NO_FOLLOW_UPS
      break
    case 'batchDone':
      followUps = freed(ctx)
      break
    case 'prefillDone':
      onPrefillDone(ctx, event.requests!)
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
