import type { ChartOptions } from 'chart.js'
import { VALIDATION_METRIC, type ValidationMetricId } from '../../../contract/api'
import { formatValidationError, formatValidationValue } from '../../../contract/validationPresentation'
import { formatBytes, formatRate, formatSeconds } from '../format/quantities'
import { isBandEdge, type ValidationPoint } from './mappers/validationScatter'
import { powerOfTen } from './setup'

/**
 * An axis tick in the metric's unit, short: the table's fixed decimals ("100.000 s") are for
 * reading a value, not a decade.
 */
export function validationTick(metric: ValidationMetricId, value: number): string {
  switch (VALIDATION_METRIC[metric].unit) {
    case 's':
      return formatSeconds(value)
    case 'B/s':
      return `${formatBytes(value)}/s`
    default:
      return formatRate(value)
  }
}

/**
 * The validation scatter: measured across, simulated up, both log axes over the same whole
 * decades (`range`), so the y = x line is the diagonal and a band is as wide everywhere.
 */
export function validationScatterOptions(
  metric: ValidationMetricId,
  range: { min: number; max: number },
): ChartOptions<'scatter'> {
  const { label, unit } = VALIDATION_METRIC[metric]
  const format = (value: number): string => formatValidationValue(value, metric)
  const axis = (title: string) => ({
    type: 'logarithmic' as const,
    min: range.min,
    max: range.max,
    title: { display: true, text: `${title} ${label} (${unit})` },
    ticks: { callback: powerOfTen((value) => validationTick(metric, value)), maxRotation: 0 },
  })
  return {
    animation: false, // draw at once: e2e reads the canvas right after the data arrives
    responsive: true,
    maintainAspectRatio: false,
    scales: { x: axis('measured'), y: axis('simulated') },
    plugins: {
      legend: { position: 'bottom', labels: { filter: (item) => !isBandEdge(item.text) } },
      tooltip: {
        // Only the measured rows: the line and the bands explain themselves.
        filter: (item) => typeof (item.raw as ValidationPoint).id === 'string',
        callbacks: {
          label: (item) => {
            const point = item.raw as ValidationPoint
            const values = `measured ${format(point.x)}, simulated ${format(point.y)}`
            return `${point.id ?? ''}: ${formatValidationError(point.error ?? null)} (${values})`
          },
        },
      },
    },
  }
}
