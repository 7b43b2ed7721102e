import type { Serving } from '../scenario/servingSchema'
import type { ServiceModel } from './serviceModel'
import type { Request, ServingState } from './state'
import type { ExpertId } from './types'
import type { ServingMetrics } from './servingMetrics'

/** Where requests come from: a seeded process or a trace. */
export interface RequestSource {
  /** The next request, numbered `id`, not yet routed; undefined when the run has all its requests. */
  next(id: number): Request | undefined
}

/** Everything a handler may read or change. Handlers never touch the event queue. */
export interface ServingContext {
  config: Serving
  state: ServingState
  service: ServiceModel
  metrics: ServingMetrics
  source: RequestSource
  /** The expert of request `id`, drawn by the router in arrival order (or read from a trace). */
  expertOf(id: number): ExpertId
  nextRequestId: number
  /** Told each time a batch starts: its expert, and whether that expert is resident and loaded. */
  onBatchStart?: (expert: ExpertId, loaded: boolean) => void
}
