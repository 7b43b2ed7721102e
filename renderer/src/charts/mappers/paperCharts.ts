import type { ChartData, ChartOptions } from 'chart.js'
import { SERIES_COLORS, seriesDash } from '../palette'
import { powerOfTen, wholeDecades } from '../setup'
import { formatCount, formatIntensity, formatRate, formatSeconds } from '../../format/quantities'
import type { PaperChartSpec } from '../../viewModels/paperExperiments'
import { factor } from '../../viewModels/paperFormat'

/** How each unit's values read on an axis and in a tooltip. */
export function formatUnit(unit: PaperChartSpec['unit'], value: number): string {
  switch (unit) {
    case 'seconds':
      return formatSeconds(value)
    case 'factor':
      return factor(value)
    case 'intensity':
      return formatIntensity(value)
    case 'rate':
      return formatRate(value)
    case 'count':
      return formatCount(value)
  }
}

/** Fresh plain arrays for Chart.js, coloured in series order (the theme's colours when given). */
export function paperChartData(
  spec: PaperChartSpec,
  colors: readonly string[] = SERIES_COLORS,
): ChartData<'bar' | 'line'> {
  return {
    labels: [...spec.labels],
    datasets: spec.datasets.map((dataset, index) => {
      const color = colors[index % colors.length]!
      return {
        label: dataset.label,
        data: [...dataset.data],
        backgroundColor: color,
        borderColor: color,
        // Dashed lines, so that two systems needing the same machines both stay visible.
        ...(spec.kind === 'line'
          ? { pointRadius: 0, borderWidth: 2, stepped: 'after' as const, borderDash: seriesDash(index) }
          : {}),
      }
    }),
  }
}

export function paperChartOptions(spec: PaperChartSpec): ChartOptions<'bar' | 'line'> {
  const format = (value: number) => formatUnit(spec.unit, value)
  return {
    animation: false, // draw at once: e2e reads the canvas right after the data arrives
    responsive: true,
    maintainAspectRatio: false,
    scales: {
      x: { ticks: { autoSkip: true, maxRotation: 60 } },
      y: spec.logarithmic
        ? {
            type: 'logarithmic',
            title: { display: true, text: spec.yTitle },
            afterDataLimits: wholeDecades,
            ticks: { callback: powerOfTen(format) },
          }
        : {
            type: 'linear',
            beginAtZero: true,
            title: { display: true, text: spec.yTitle },
            ticks: { callback: (value) => format(Number(value)) },
          },
    },
    plugins: {
      legend: { position: 'bottom' },
      tooltip: {
        callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${format(Number(item.parsed.y))}` },
      },
    },
  }
}
