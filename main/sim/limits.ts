/**
 * The limits several layers enforce, one entry each: the core, the contract's schemas, the CLI
 * and the forms read them from here, so a bound is changed in one place.
 */
export interface Limit {
  /** The largest count allowed. */
  max: number
  /** What is counted, as people read it. */
  label: string
  /** Why there is a limit, and where it applies. */
  description: string
}

export const LIMITS = {
  seeds: {
    max: 64,
    label: 'Seeds',
    description:
      'Consecutive seeds one run, or each point of a sweep, runs with: each seed is a simulation of its own in the worker pool',
  },
  sweepAxes: {
    max: 2,
    label: 'Sweep axes',
    description: 'Fields one sweep varies: one (lines) or two (a heatmap)',
  },
  axisValues: {
    max: 10_000,
    label: 'Values per axis',
    description: 'Values one sweep axis may expand to; a grid of two such axes is refused by its size',
  },
  gridPoints: {
    max: 100_000,
    label: 'Grid points',
    description: "Points of one sweep's grid (the product of its axes' values), each stored as a row",
  },
} as const satisfies Record<string, Limit>
