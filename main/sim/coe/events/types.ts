import type { Request } from '../state'
import type { ExpertId } from '../types'

export type ServingEvent =
  | { kind: 'arrival'; request: Request }
  | { kind: 'routed'; requests: Request[] }
  | { kind: 'switched'; expert: ExpertId }
  | { kind: 'requestDone'; request: Request; firstToken: number }
  | { kind: 'batchDone' }

/** An event a handler asks for; the loop schedules it. Lower priority leaves first at equal times. */
export interface FollowUp {
  time: number
  priority: number
  event: ServingEvent
}

/** Completions leave before the batch that frees the accelerator, arrivals after both. */
export const PRIORITY = { requestDone: 0, batchDone: 1, routed: 2, switched: 2, arrival: 3 } as const
