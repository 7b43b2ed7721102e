/**
 * How hard the fuzz suite pushes. `npm test` runs the short profile (seconds, a fixed seed);
 * `npm run fuzz` the long one (MEMWALL_FUZZ=long): 10,000 host requests, 1,000 scenario files and
 * a minute of two hosts and a CLI sweep on one database. MEMWALL_FUZZ_SEED picks another seed.
 */
export interface FuzzProfile {
  name: 'short' | 'long'
  seed: number
  /** Generated bodies across all host channels. */
  hostRequests: number
  /** Generated scenario (and trace) files through the CLI. */
  scenarioFiles: number
  /** Seconds two hosts and a CLI sweep share one database. */
  sharedDatabaseSeconds: number
  /** Cancellation orders tried with a queue behind. */
  cancellationOrders: number
}

const long = process.env.MEMWALL_FUZZ === 'long'

export const PROFILE: FuzzProfile = {
  name: long ? 'long' : 'short',
  seed: Number(process.env.MEMWALL_FUZZ_SEED ?? 20261203),
  hostRequests: long ? 10_000 : 400,
  scenarioFiles: long ? 1_000 : 30,
  sharedDatabaseSeconds: long ? 60 : 4,
  cancellationOrders: long ? 60 : 3,
}

/** A vitest timeout for a phase: generous, so that only a hang reaches it. */
export function timeoutFor(cases: number, msPerCase: number): number {
  return Math.max(60_000, cases * msPerCase)
}
