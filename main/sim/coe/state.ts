import type { ExpertSet } from './expertSet'
import type { ExpertCache } from './policies/cache/types'
import type { Request } from './request'
import type { RequestQueue } from './requestQueue'
import type { ExpertId } from './types'

export type { Request }

/** A request in a continuous batch: tokens produced so far (1 after its prefill step). */
export interface Member {
  request: Request
  produced: number
  firstToken: number
}

/** The batch running in continuous mode: its expert and the requests decoding in it. */
export interface RunningBatch {
  expert: ExpertId
  members: Member[]
}

/** A prefetch on the copy path: `expert` may be served from `ready` on. */
export interface Copy {
  expert: ExpertId
  ready: number
}

/** Everything the handlers read and change; owned by one simulation run. */
export interface ServingState {
  now: number
  busy: boolean
  /** Requests that arrived and wait for the router. */
  unrouted: RequestQueue
  /** Routed requests waiting, one FIFO per expert. */
  queues: RequestQueue[]
  /** Experts with a non-empty queue, for choosing the next batch without scanning all experts. */
  waitingExperts: ExpertSet
  waiting: number
  inSystem: number
  cache: ExpertCache
  /** The expert of the last batch, for resident-first scheduling. */
  current: ExpertId
  /** Continuous batching: the batch on the accelerator, or null between batches (always null in paper mode). */
  running: RunningBatch | null
  /** Prefetch: the last copy started beside compute (in flight while `ready` > now), or null. */
  copy: Copy | null
  /** Prefetch: experts copied ahead that no batch has used yet. */
  prefetched: Set<ExpertId>
}
