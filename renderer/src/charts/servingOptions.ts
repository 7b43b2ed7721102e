import type { ChartOptions } from 'chart.js'
import { formatCount, formatPercent, formatSeconds } from '../format/quantities'
import { powerOfTen, wholeDecades } from './setup'

// Mappers hand over sorted `{ x, y }` points, at most MAX_LINE_POINTS per line (LTTB): Chart.js
// can skip parsing and assume sorted x.
const base = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  parsing: false,
  normalized: true,
} as const
// Each line's own style in the legend (its colour and dash), as the roofline's roofs do.
const legend = { position: 'bottom', labels: { usePointStyle: true, pointStyleWidth: 28 } } as const

/** The end-to-end latency CDF: log seconds across, the fraction of requests done up the side. */
export function servingCdfOptions(): ChartOptions<'line'> {
  return {
    ...base,
    scales: {
      x: {
        type: 'logarithmic',
        title: { display: true, text: 'end-to-end latency' },
        afterDataLimits: wholeDecades,
        ticks: { callback: powerOfTen(formatSeconds), maxRotation: 0 },
      },
      y: {
        min: 0,
        max: 1,
        title: { display: true, text: 'requests done' },
        ticks: { callback: (value) => formatPercent(Number(value)).replace('.0%', '%') },
      },
    },
    plugins: {
      legend,
      tooltip: {
        callbacks: {
          label: (item) =>
            `${item.dataset.label ?? ''}: ${formatPercent(item.parsed.y ?? 0)} within ${formatSeconds(item.parsed.x ?? 0)}`,
        },
      },
    },
  }
}

/** A series over simulated time; its values are counts or seconds. */
export function servingSeriesOptions(unit: 'count' | 'seconds', title: string): ChartOptions<'line'> {
  const format = unit === 'seconds' ? formatSeconds : formatCount
  return {
    ...base,
    scales: {
      x: {
        type: 'linear',
        min: 0,
        // Plain seconds: a unit per tick would mix `2000 s` with `133 min` on one axis.
        title: { display: true, text: 'simulated time (s)' },
        ticks: { callback: (value) => formatCount(Number(value)), maxRotation: 0 },
      },
      y: {
        beginAtZero: true,
        title: { display: true, text: title },
        ticks: { callback: (value) => format(Number(value)), ...(unit === 'count' ? { precision: 0 } : {}) },
      },
    },
    plugins: {
      legend,
      tooltip: {
        callbacks: {
          label: (item) =>
            `${item.dataset.label ?? ''}: ${format(item.parsed.y ?? 0)} at ${formatSeconds(item.parsed.x ?? 0)}`,
        },
      },
    },
  }
}

/** Bars of fractions, drawn as percent of 0–100%. */
export function percentBarOptions(): ChartOptions<'bar'> {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    scales: {
      y: {
        min: 0,
        max: 1,
        title: { display: true, text: 'share' },
        ticks: { callback: (value) => formatPercent(Number(value)).replace('.0%', '%') },
      },
    },
    plugins: {
      legend: { position: 'bottom' },
      tooltip: {
        callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${formatPercent(Number(item.parsed.y))}` },
      },
    },
  }
}
