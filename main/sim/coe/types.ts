/** Experts are numbered 0 … experts − 1. */
export type ExpertId = number

/** One request as the traffic source makes it, before routing. */
export interface Arrival {
  /** Seconds from the start of the simulation. */
  time: number
  promptTokens: number
  outputTokens: number
  /** The expert a trace names; undefined when the router chooses. */
  expert?: ExpertId
}
