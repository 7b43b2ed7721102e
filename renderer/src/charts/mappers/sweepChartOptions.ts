import type { ChartOptions, ChartType, Plugin } from 'chart.js'
import type { SweepMetricName } from '../../../../contract/api'
import { powerOfTen, wholeDecades } from '../setup'
import { isBandLabel, type SweepAxisScale, type SweepMarker } from './sweepCharts'
import { formatSweepMetric, sweepMetricAxisTitle } from '../../viewModels/sweepMetrics'
import { formatSweepValue } from '../../viewModels/sweepValues'

/** Vertical lines a chart draws over its data: crossovers on a sweep line, the baseline of a tornado. */
export interface VerticalMarkerOptions {
  markers: SweepMarker[]
  color: string
}

declare module 'chart.js' {
  // Merged into Chart.js's own interface, whose type parameter name it must repeat.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    verticalMarkers?: VerticalMarkerOptions | false
  }
}

/** Draws each marker as a dashed vertical line across the plot, its label at the top. */
export const verticalMarkersPlugin: Plugin = {
  id: 'verticalMarkers',
  afterDatasetsDraw(chart, _args, pluginOptions) {
    const options = pluginOptions as Partial<VerticalMarkerOptions>
    const scale = chart.scales.x
    if (!scale || !options.markers?.length) return
    const { top, bottom, left, right } = chart.chartArea
    const context = chart.ctx
    context.save()
    context.strokeStyle = options.color ?? 'gray'
    context.fillStyle = options.color ?? 'gray'
    context.setLineDash([5, 4])
    context.lineWidth = 1.5
    context.font = '11px system-ui, sans-serif'
    for (const marker of options.markers) {
      const x = scale.getPixelForValue(marker.x)
      if (!Number.isFinite(x) || x < left || x > right) continue
      context.beginPath()
      context.moveTo(x, top)
      context.lineTo(x, bottom)
      context.stroke()
      // Labels near an edge lean inwards, so that they stay on the canvas.
      const half = context.measureText(marker.label).width / 2
      context.textAlign = x + half > chart.width ? 'right' : x - half < 0 ? 'left' : 'center'
      context.fillText(marker.label, x, top - 4)
    }
    context.restore()
  },
}

const formatAxisValue = (value: number): string => formatSweepValue(value)

/** The sweep line chart: the swept field across (log when it spans decades), the metric up. */
export function sweepLineOptions(
  metric: SweepMetricName,
  axis: { path: string; scale: SweepAxisScale },
  markers: VerticalMarkerOptions,
): ChartOptions<'line'> {
  const format = (value: number): string => formatSweepMetric(metric, value)
  const x =
    axis.scale === 'category'
      ? { type: 'category' as const, title: { display: true, text: axis.path } }
      : axis.scale === 'logarithmic'
        ? {
            type: 'logarithmic' as const,
            title: { display: true, text: axis.path },
            afterDataLimits: wholeDecades,
            ticks: { callback: powerOfTen(formatAxisValue), maxRotation: 0 },
          }
        : {
            type: 'linear' as const,
            title: { display: true, text: axis.path },
            ticks: { callback: (value: number | string) => formatAxisValue(Number(value)), maxRotation: 0 },
          }
  return {
    animation: false, // draw at once: e2e reads the canvas right after the data arrives
    responsive: true,
    maintainAspectRatio: false,
    layout: { padding: { top: 14 } }, // room for the markers' labels
    scales: {
      x,
      y: {
        beginAtZero: true,
        title: { display: true, text: sweepMetricAxisTitle(metric) },
        ticks: { callback: (value) => format(Number(value)) },
      },
    },
    plugins: {
      legend: {
        position: 'bottom',
        labels: { usePointStyle: true, boxHeight: 8, filter: (item) => !isBandLabel(item.text) },
      },
      tooltip: {
        filter: (item) => !isBandLabel(item.dataset.label ?? ''),
        callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${format(Number(item.parsed.y))}` },
      },
      verticalMarkers: markers,
    },
  }
}

/** The tornado: one row per assumption, the metric across, the baseline marked. */
export function tornadoOptions(metric: SweepMetricName, markers: VerticalMarkerOptions): ChartOptions<'bar'> {
  const format = (value: number): string => formatSweepMetric(metric, value)
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    indexAxis: 'y',
    layout: { padding: { top: 14 } },
    datasets: { bar: { grouped: false } }, // the low and high bars share a row, each from the baseline
    scales: {
      x: {
        title: { display: true, text: sweepMetricAxisTitle(metric) },
        ticks: { callback: (v) => format(Number(v)) },
      },
      y: { ticks: { autoSkip: false } },
    },
    plugins: {
      legend: { position: 'bottom' },
      tooltip: {
        callbacks: {
          label: (item) => {
            const [, end] = item.raw as [number, number]
            return `${item.dataset.label ?? ''}: ${format(end)}`
          },
        },
      },
      verticalMarkers: markers,
    },
  }
}
