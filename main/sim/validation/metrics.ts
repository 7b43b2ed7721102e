import type { SystemMetrics } from '../result'

/**
 * The quantities a measurement row may report, one entry each (the measurements format's
 * `metric`): the loader's schema, the report's labels and units, and how a simulated run answers
 * each are generated from this table.
 */
export interface ValidationMetric {
  /** As people read it. */
  label: string
  /** The SI unit `measured` and `simulated` are in. */
  unit: string
  /**
   * `inference`: read from one analytic run of the row's workload; `copy`: the system's
   * host-to-chip copy rate, no workload involved.
   */
  kind: 'inference' | 'copy'
  /** The output tokens the row's run needs at least (1: prefill alone is enough). */
  minOutputTokens: number
  /** The simulated value from the run's metrics and the chips used (inference metrics only). */
  read?: (metrics: SystemMetrics, chips: number) => number
}

export const VALIDATION_METRIC = {
  e2eSeconds: {
    label: 'end-to-end latency',
    unit: 's',
    kind: 'inference',
    minOutputTokens: 1,
    read: (m) => m.totalSeconds,
  },
  ttftSeconds: {
    label: 'time to first token',
    unit: 's',
    kind: 'inference',
    minOutputTokens: 1,
    read: (m) => m.timeToFirstTokenSeconds,
  },
  outputTokensPerSecondPerChip: {
    label: 'output tokens/s per chip',
    unit: 'tokens/s',
    kind: 'inference',
    minOutputTokens: 1,
    read: (m, chips) => m.outputTokensPerSecond / chips,
  },
  decodeTokensPerSecondPerUser: {
    label: 'decode tokens/s per user',
    unit: 'tokens/s',
    kind: 'inference',
    // A decode step needs a second output token.
    minOutputTokens: 2,
    read: (m) => 1 / m.timePerOutputTokenSeconds,
  },
  hostToChipCopyBytesPerSecond: {
    label: 'host-to-chip copy rate',
    unit: 'B/s',
    kind: 'copy',
    minOutputTokens: 1,
  },
} as const satisfies Record<string, ValidationMetric>

export type ValidationMetricId = keyof typeof VALIDATION_METRIC
export const VALIDATION_METRIC_IDS = Object.keys(VALIDATION_METRIC) as [ValidationMetricId, ...ValidationMetricId[]]
