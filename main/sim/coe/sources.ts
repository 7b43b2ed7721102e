import { createStream } from '../rng'
import type { Serving } from '../scenario/servingSchema'
import type { RequestSource } from './context'
import { createArrivalClock, createLengthSampler, createRouter, rankByPopularity } from './traffic'
import type { ExpertId } from './types'

/** Requests from the scenario's traffic: a seeded process and length distributions, or a trace. */
export function createRequestSource(config: Serving, seed: number): RequestSource {
  const { traffic } = config
  if (traffic.kind === 'trace') {
    const { arrivals } = traffic
    const limit = Math.min(config.requests, arrivals.length)
    return {
      next(id) {
        if (id >= limit) return undefined
        const { time, promptTokens, outputTokens } = arrivals[id]!
        return { id, arrival: time, promptTokens, outputTokens, expert: -1 }
      },
    }
  }
  const clock = createArrivalClock(traffic, createStream(seed, 'arrivals'))
  const prompt = createLengthSampler(config.promptTokens, createStream(seed, 'promptTokens'))
  const output = createLengthSampler(config.outputTokens, createStream(seed, 'outputTokens'))
  return {
    next(id) {
      if (id >= config.requests) return undefined
      return { id, arrival: clock.next(), promptTokens: prompt(), outputTokens: output(), expert: -1 }
    },
  }
}

export interface Routing {
  /** The expert of request `id`; ids are asked for in arrival order. */
  expertOf(id: number): ExpertId
  /** Experts by popularity, most popular first (for pinning). */
  ranking: ExpertId[]
  /** The whole run's experts in arrival order, when the cache policy needs the future (Belady). */
  future: Int32Array | undefined
}

/** How often a trace asks for each expert; requests it leaves to the router count by popularity. */
function traceLoad(trace: readonly { expert?: ExpertId | undefined }[], popularity: Float64Array): Float64Array {
  const load = new Float64Array(popularity.length)
  for (const arrival of trace) {
    if (arrival.expert !== undefined) load[arrival.expert]!++
    else for (let e = 0; e < load.length; e++) load[e]! += popularity[e]!
  }
  return load
}

/**
 * Routing in arrival order from the 'routing' stream (or the trace's own choices). Belady's
 * optimal cache needs the future, so for it every request's expert is drawn up front: the same
 * draws, in the same order, as drawing them one by one.
 */
export function createRouting(config: Serving, seed: number, needsFuture: boolean): Routing {
  const router = createRouter(config.routing, config.experts, createStream(seed, 'routing'), config.locality)
  const trace = config.traffic.kind === 'trace' ? config.traffic.arrivals : undefined
  const draw = (id: number): ExpertId => trace?.[id]?.expert ?? router.route()
  const ranking = rankByPopularity(trace ? traceLoad(trace, router.popularity) : router.popularity)
  if (!needsFuture) return { expertOf: draw, ranking, future: undefined }
  const total = trace ? Math.min(config.requests, trace.length) : config.requests
  const future = new Int32Array(total)
  for (let id = 0; id < total; id++) future[id] = draw(id)
  return { expertOf: (id) => future[id]!, ranking, future }
}
