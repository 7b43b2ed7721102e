import type { ChartData } from 'chart.js'
import type { ServingSystemResult } from '../../../../contract/api'
import { seriesColor, seriesDash } from '../palette'
import { decimateLttb, MAX_LINE_POINTS } from './decimate'

/** A point of the CDF: x seconds of end-to-end latency, y the fraction of requests done by then. */
export interface CdfPoint {
  x: number
  y: number
}

/**
 * One line per system through its end-to-end latency CDF, for a log x axis: points at zero
 * seconds have no place there and are left out. A system without points (out of memory, or no
 * request completed) gets no line, but keeps its colour: the index is its place in `serving`,
 * as in the time series, so a system looks the same (colour and dash) in both charts. More than
 * `maxPoints` points are thinned by LTTB on the log axis.
 */
export function servingCdfChartData(
  serving: readonly ServingSystemResult[],
  maxPoints = MAX_LINE_POINTS,
): ChartData<'line', CdfPoint[]> {
  const datasets = serving.map((system, index) => ({
    label: system.systemName,
    data: decimateLttb(
      system.e2eCdf.filter((point) => point.seconds > 0).map((point) => ({ x: point.seconds, y: point.fraction })),
      maxPoints,
      Math.log10,
    ),
    borderColor: seriesColor(index),
    backgroundColor: seriesColor(index),
    borderDash: seriesDash(index),
    borderWidth: 2,
    pointRadius: 0,
    pointStyle: 'line' as const, // the legend draws a short line in the series' dash
  }))
  return { datasets: datasets.filter((dataset) => dataset.data.length > 0) }
}
