import type { ExpertId } from './types'

/** One request of the run, from its arrival until it completes or times out. */
export interface Request {
  id: number
  arrival: number
  promptTokens: number
  outputTokens: number
  /** Set by the router, or by a trace. */
  expert: ExpertId
}
