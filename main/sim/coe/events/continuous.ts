import type { ServingContext } from '../context'
import type { Member, Request } from '../state'
import { complete } from './complete'
import { accessCache } from './gauges'
import { nextExpert, routeWaiting } from './scheduling'
import { ServingEvent, type FollowUp } from './types'

/** A prefill pass of the requests joining the batch, at their longest prompt, as a step of its own. */
function prefillStep(ctx: ServingContext, requests: Request[], prompt: number): FollowUp {
  const time = ctx.state.now + ctx.service.prefillSeconds(requests.length, prompt)
  return ServingEvent.prefillDone(time, requests)
}

/** Starts a continuous batch of `expert` with its first group, already taken from the queue. */
export function startRun(
  ctx: ServingContext,
  expert: number,
  requests: Request[],
  prompt: number,
): readonly FollowUp[] {
  ctx.state.running = { expert, members: [] }
  return [prefillStep(ctx, requests, prompt)]
}

/** A prefill step ended: each joiner has its first token; a one-token request is done. */
export function onPrefillDone(ctx: ServingContext, requests: Request[]): void {
  const { state } = ctx
  const members = state.running!.members
  for (const request of requests) {
    if (request.outputTokens <= 1) complete(ctx, request, state.now)
    else members.push({ request, produced: 1, firstToken: state.now })
  }
}

/** A decode step ended: every member has one more token; those with all theirs leave. */
export function onDecodeDone(ctx: ServingContext): void {
  const run = ctx.state.running!
  const staying: Member[] = []
  for (const member of run.members) {
    member.produced++
    if (member.produced >= member.request.outputTokens) complete(ctx, member.request, member.firstToken)
    else staying.push(member)
  }
  run.members = staying
}

/**
 * Requests of the running expert that join at this step boundary: up to the batch's free room,
 * and only while the scheduling policy would still choose this expert (FCFS: it holds the oldest
 * waiting request; resident-first: within the fairness bound), so no expert waits forever behind
 * a batch that never empties. A join is a cache access, a hit.
 */
function joiners(ctx: ServingContext): FollowUp | null {
  const { state, config, metrics } = ctx
  const run = state.running!
  const room = config.maxBatch - run.members.length
  if (room <= 0 || !state.waitingExperts.has(run.expert)) return null
  if (nextExpert(ctx) !== run.expert) return null
  const queue = state.queues[run.expert]!
  const last = queue.at(Math.min(room, queue.length) - 1)!
  if (accessCache(ctx, run.expert, last.id)) metrics.counters.hits++
  const requests: Request[] = []
  let prompt = 0
  while (requests.length < room && queue.length > 0) {
    const request = queue.shift()!
    requests.push(request)
    if (request.promptTokens > prompt) prompt = request.promptTokens
  }
  if (queue.length === 0) state.waitingExperts.delete(run.expert)
  state.waiting -= requests.length
  return prefillStep(ctx, requests, prompt)
}

/**
 * At a step boundary of the running batch, the next step: a router pass when requests wait for
 * the router, else a joining group's prefill, else a decode step of the members, at the batch's
 * size and its longest context. Null when the batch has emptied (it is then no longer running).
 */
export function nextStep(ctx: ServingContext): readonly FollowUp[] | null {
  const { state, service } = ctx
  const run = state.running!
  if (state.unrouted.length > 0) return routeWaiting(ctx)
  const join = joiners(ctx)
  if (join) return [join]
  if (run.members.length === 0) {
    state.running = null
    return null
  }
  let context = 0
  for (const { request, produced } of run.members) {
    // Its prompt and the tokens it has produced, the newest of which this step reads.
    const tokens = request.promptTokens + produced - 1
    if (tokens > context) context = tokens
  }
  const time = state.now + service.decodeStepSeconds(run.members.length, context)
  return [ServingEvent.decodeDone(time)]
}
