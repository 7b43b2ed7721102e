import type { ServingContext } from '../context'
import type { Request } from '../state'

/** Records a request that produced its last token now, its first at `firstToken`. */
export function complete(ctx: ServingContext, request: Request, firstToken: number): void {
  const { state, metrics } = ctx
  const latency = state.now - request.arrival
  metrics.ttft.record(firstToken - request.arrival)
  if (request.outputTokens > 1) metrics.tpot.record((state.now - firstToken) / (request.outputTokens - 1))
  metrics.e2e.record(latency)
  metrics.series.latency.sample(state.now, latency)
  metrics.counters.completed++
  metrics.outputTokens += request.outputTokens
  state.inSystem--
}
