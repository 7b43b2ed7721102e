import { createCounters, createLatencyTally, createTimeSeries, createTimeWeightedTally } from './metrics'

/** The run's streaming tallies: bounded memory whatever the number of requests. */
export function createServingMetrics(seriesInterval: number) {
  const series = (): ReturnType<typeof createTimeSeries> =>
    createTimeSeries({ maxPoints: 240, initialInterval: seriesInterval })
  return {
    counters: createCounters(),
    ttft: createLatencyTally(),
    tpot: createLatencyTally(),
    e2e: createLatencyTally(),
    waiting: createTimeWeightedTally(),
    inSystem: createTimeWeightedTally(),
    busy: createTimeWeightedTally(),
    resident: createTimeWeightedTally(),
    series: { waiting: series(), resident: series(), switches: series(), latency: series() },
    /** The gauges' last recorded values, so unchanged ones are not recorded again. */
    last: { waiting: 0, inSystem: 0, busy: 0, resident: 0 },
    /** Output tokens of completed requests. */
    outputTokens: 0,
    /** Seconds the accelerator spent on router passes. */
    routerSeconds: 0,
    /** Prefetch: copies started beside compute. */
    prefetches: 0,
    /** Prefetch: prefetched experts evicted before any batch used them. */
    wastedPrefetches: 0,
    /**
     * Prefetch: dispatches to a prefetched expert. Each is a hit and also counts in
     * `counters.switches` and `counters.switchSeconds`: the copy happened, behind compute.
     */
    hiddenSwitches: 0,
    /** Seconds of those copies that overlapped compute (the rest the dispatch waited for). */
    hiddenSwitchSeconds: 0,
  }
}

export type ServingMetrics = ReturnType<typeof createServingMetrics>
