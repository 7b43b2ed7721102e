/** Event counts of one run. A plain object, so the simulator can write `counters.switches++`. */
export interface Counters {
  /** Requests that entered the system. */
  arrived: number
  completed: number
  /** Turned away at admission (queue full). */
  dropped: number
  /** Gave up waiting before they were served. */
  timedOut: number
  /** Cache accesses (a batch starting, a group joining a running batch) that found the expert resident. */
  hits: number
  /** Cache accesses whose expert had to be loaded first. */
  misses: number
  /** Expert (model) switches performed. */
  switches: number
  /** Seconds spent loading experts in those switches. */
  switchSeconds: number
}

export function createCounters(): Counters {
  return { arrived: 0, completed: 0, dropped: 0, timedOut: 0, hits: 0, misses: 0, switches: 0, switchSeconds: 0 }
}
