import type { ChartOptions } from 'chart.js'
import { formatCount, formatFactor } from '../format/quantities'
import './setup' // registers the Chart.js pieces these options use

const base = { animation: false, responsive: true, maintainAspectRatio: false } as const

/** Grouped bars of speedup factors: `2.35×` on the axis and in tooltips. */
export function factorBarOptions(axisTitle: string): ChartOptions<'bar'> {
  return {
    ...base,
    scales: {
      y: {
        beginAtZero: true,
        title: { display: true, text: axisTitle },
        ticks: { callback: (value) => formatFactor(Number(value)) },
      },
    },
    plugins: {
      legend: { position: 'bottom' },
      tooltip: {
        callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${formatFactor(Number(item.parsed.y))}` },
      },
    },
  }
}

/** Nodes needed against the number of experts, both linear counts. */
export function footprintLineOptions(): ChartOptions<'line'> {
  return {
    ...base,
    parsing: false,
    scales: {
      x: {
        type: 'linear',
        title: { display: true, text: 'experts' },
        ticks: { callback: (value) => formatCount(Number(value)) },
      },
      y: {
        beginAtZero: true,
        title: { display: true, text: 'nodes needed' },
        ticks: { precision: 0 },
      },
    },
    plugins: {
      legend: { position: 'bottom', labels: { usePointStyle: true, pointStyleWidth: 28 } },
      tooltip: {
        callbacks: {
          label: (item) =>
            `${item.dataset.label ?? ''}: ${formatCount(item.parsed.y ?? 0)} nodes for ${formatCount(item.parsed.x ?? 0)} experts`,
        },
      },
    },
  }
}
