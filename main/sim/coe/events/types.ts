import type { Request } from '../state'
import type { ExpertId } from '../types'

export type ServingEvent =
  | { kind: 'arrival'; request: Request }
  | { kind: 'routed'; requests: Request[] }
  | { kind: 'switched'; expert: ExpertId }
  | { kind: 'requestDone'; request: Request; firstToken: number }
  | { kind: 'batchDone' }
  /** Continuous batching: a joining group's prefill step ended (their first tokens). */
  | { kind: 'prefillDone'; requests: Request[] }
  /** Continuous batching: a decode step of the running batch ended (one token each). */
  | { kind: 'decodeDone' }

/** An event a handler asks for; the loop schedules it. Lower priority leaves first at equal times. */
export interface FollowUp {
  time: number
  priority: number
  event: ServingEvent
  /** Stamped by the queue when it schedules the event. */
  seq: number
}

/**
 * Completions leave before the batch that frees the accelerator, arrivals after both. A continuous
 * batch's step ends like a batch: before an arrival at the same instant, which joins at the next.
 */
export const PRIORITY = { requestDone: 0, batchDone: 1, step: 1, routed: 2, switched: 2, arrival: 3 } as const
