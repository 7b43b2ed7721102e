import type { Request } from '../state'
import type { ExpertId } from '../types'

export type EventKind =
  | 'arrival'
  | 'routed'
  | 'switched'
  | 'requestDone'
  | 'batchDone'
  /** Continuous batching: a joining group's prefill step ended (their first tokens). */
  | 'prefillDone'
  /** Continuous batching: a decode step of the running batch ended (one token each). */
  | 'decodeDone'

/**
 * A scheduled event: when, its order among events at the same time, what happens and what it
 * happens to. Every kind has every field (unused ones null or -1) and is built by the one
 * constructor, so all events share one hidden class: the loop and the handlers read them through
 * monomorphic property accesses, which a union of object shapes would make megamorphic on a path
 * run millions of times. Build them with the functions below, which fill each kind's fields.
 */
export class ServingEvent {
  /** Stamped by the queue when it schedules the event. */
  seq = 0

  private constructor(
    readonly time: number,
    /** Lower leaves first at equal times: see PRIORITY. */
    readonly priority: number,
    readonly kind: EventKind,
    /** arrival, requestDone: the request. */
    readonly request: Request | null,
    /** routed, prefillDone: the group of requests. */
    readonly requests: Request[] | null,
    /** switched: the expert now in HBM. */
    readonly expert: ExpertId,
    /** requestDone: when its first token came. */
    readonly firstToken: number,
  ) {}

  static arrival(time: number, request: Request): ServingEvent {
    return new ServingEvent(time, PRIORITY.arrival, 'arrival', request, null, -1, 0)
  }

  static routed(time: number, requests: Request[]): ServingEvent {
    return new ServingEvent(time, PRIORITY.routed, 'routed', null, requests, -1, 0)
  }

  static switched(time: number, expert: ExpertId): ServingEvent {
    return new ServingEvent(time, PRIORITY.switched, 'switched', null, null, expert, 0)
  }

  static requestDone(time: number, request: Request, firstToken: number): ServingEvent {
    return new ServingEvent(time, PRIORITY.requestDone, 'requestDone', request, null, -1, firstToken)
  }

  static batchDone(time: number): ServingEvent {
    return new ServingEvent(time, PRIORITY.batchDone, 'batchDone', null, null, -1, 0)
  }

  static prefillDone(time: number, requests: Request[]): ServingEvent {
    return new ServingEvent(time, PRIORITY.step, 'prefillDone', null, requests, -1, 0)
  }

  static decodeDone(time: number): ServingEvent {
    return new ServingEvent(time, PRIORITY.step, 'decodeDone', null, null, -1, 0)
  }
}

/** What a handler returns: the events it causes, for the loop to schedule. */
export type FollowUp = ServingEvent

/** A handler that causes nothing returns this shared empty list (never written to). */
export const NO_FOLLOW_UPS: readonly FollowUp[] = Object.freeze([])

/**
 * Completions leave before the batch that frees the accelerator, arrivals after both. A continuous
 * batch's step ends like a batch: before an arrival at the same instant, which joins at the next.
 */
export const PRIORITY = { requestDone: 0, batchDone: 1, step: 1, routed: 2, switched: 2, arrival: 3 } as const
