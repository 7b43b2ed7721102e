import type { ChartData } from 'chart.js'
import type { LatencyStats, ServingSystemResult } from '../../../../contract/api'
import { OUT_OF_MEMORY_SUFFIX } from './timePerSystem'

/** The latencies a serving run reports, with the names the chart's select shows. */
export const SERVING_LATENCIES = [
  { key: 'e2e', label: 'end-to-end latency' },
  { key: 'ttft', label: 'time to first token' },
  { key: 'tpot', label: 'time per output token' },
] as const

export type ServingLatencyKey = (typeof SERVING_LATENCIES)[number]['key']

/** The percentiles drawn, light to dark: one hue, so they do not read as systems. */
export const SERVING_PERCENTILES: readonly { key: keyof LatencyStats; label: string; color: string }[] = [
  { key: 'p50', label: 'p50', color: '#93c5fd' },
  { key: 'p90', label: 'p90', color: '#3b82f6' },
  { key: 'p99', label: 'p99', color: '#1e3a8a' },
]

/**
 * One group of bars per system: the p50, p90 and p99 of one latency, in seconds. A system that
 * ran out of memory keeps its place, marked, with zero bars (it served nothing).
 */
export function servingLatencyChartData(
  serving: readonly ServingSystemResult[],
  latency: ServingLatencyKey,
): ChartData<'bar', number[], string> {
  return {
    labels: serving.map((system) =>
      system.status === 'outOfMemory' ? system.systemName + OUT_OF_MEMORY_SUFFIX : system.systemName,
    ),
    datasets: SERVING_PERCENTILES.map((percentile) => ({
      label: percentile.label,
      backgroundColor: percentile.color,
      data: serving.map((system) => (system.status === 'ok' ? system[latency][percentile.key] : 0)),
    })),
  }
}
