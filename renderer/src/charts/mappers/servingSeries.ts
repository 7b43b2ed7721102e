import type { ChartData } from 'chart.js'
import type { ServingSystemResult } from '../../../../contract/api'
import { seriesColor, seriesDash } from '../palette'
import { decimateLttb, MAX_LINE_POINTS } from './decimate'

export type ServingSeriesKey = keyof ServingSystemResult['series']

/** A series the chart can show: its name in the select, its y axis title and what the axis counts. */
export interface ServingSeriesInfo {
  key: ServingSeriesKey
  label: string
  axis: string
  unit: 'count' | 'seconds'
}

/** The time series a serving run samples, in the order the select offers them. */
export const SERVING_SERIES: readonly ServingSeriesInfo[] = [
  { key: 'waiting', label: 'Queue length', axis: 'requests waiting', unit: 'count' },
  { key: 'resident', label: 'Resident experts', axis: 'experts in HBM', unit: 'count' },
  { key: 'switches', label: 'Cumulative switches', axis: 'expert switches so far', unit: 'count' },
  { key: 'latency', label: 'Latency over time', axis: 'end-to-end latency', unit: 'seconds' },
]

/** A point of a series: x simulated seconds, y its value then. */
export interface SeriesChartPoint {
  x: number
  y: number
}

/**
 * One line per system through one of its sampled series, on a linear time axis (each system
 * samples at its own times). Colours follow the system's place in `serving`, as in the CDF; a
 * system with no samples (out of memory) gets no line. A series longer than `maxPoints` is
 * thinned by LTTB, so a long run stays quick to draw.
 */
export function servingSeriesChartData(
  serving: readonly ServingSystemResult[],
  series: ServingSeriesKey,
  maxPoints = MAX_LINE_POINTS,
): ChartData<'line', SeriesChartPoint[]> {
  const datasets = serving.map((system, index) => ({
    label: system.systemName,
    data: decimateLttb(
      system.series[series].map((point) => ({ x: point.time, y: point.value })),
      maxPoints,
    ),
    borderColor: seriesColor(index),
    backgroundColor: seriesColor(index),
    borderDash: seriesDash(index),
    borderWidth: 1.5,
    pointRadius: 0,
    pointStyle: 'line' as const, // the legend draws a short line in the series' dash
  }))
  return { datasets: datasets.filter((dataset) => dataset.data.length > 0) }
}
