import type { ChartData, PointStyle } from 'chart.js'
import { type ValidationMetricId, type ValidationRowResult } from '../../../../contract/api'
import { stackColorIndex, stackLabel } from '../../../../contract/validationPresentation'
import { SERIES_COLORS } from '../palette'
import { withAlpha } from './sweepCharts'

/** A measured row on the chart: x measured, y simulated, both in the metric's SI unit. */
export interface ValidationPoint {
  x: number
  y: number
  id?: string
  error?: number
}

/** Fit rows set a stack's figures, check rows never: the two read apart at a glance. */
export const SPLIT_SHAPE: Record<string, PointStyle> = { fit: 'circle', check: 'rectRot' }

export function splitShape(split: string): PointStyle {
  return SPLIT_SHAPE[split] ?? 'triangle'
}

/** The shaded tolerances around y = x, widest first so the narrower one draws over it. */
export const VALIDATION_BANDS = [0.25, 0.1] as const

export { stackColorIndex }

/** Whole decades around every value, one range for both axes, so y = x is the diagonal. */
export function scatterRange(values: readonly number[]): { min: number; max: number } {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value))
  if (positive.length === 0) return { min: 1, max: 10 }
  const min = 10 ** Math.floor(Math.log10(Math.min(...positive)))
  const max = 10 ** Math.ceil(Math.log10(Math.max(...positive)))
  return { min, max: max > min ? max : min * 10 }
}

/** y = (1 ± tolerance) · x over [from, to]: two points each, a straight line on log-log axes. */
export function bandLines(
  from: number,
  to: number,
  tolerance: number,
): { lower: ValidationPoint[]; upper: ValidationPoint[] } {
  const line = (factor: number): ValidationPoint[] => [
    { x: from, y: from * factor },
    { x: to, y: to * factor },
  ]
  return { lower: line(1 - tolerance), upper: line(1 + tolerance) }
}

export function bandLabel(tolerance: number): string {
  return `within ±${Math.round(tolerance * 100)}%`
}

/** A band's lower edge only bounds the fill: legend and tooltip noise. */
export function isBandEdge(label: string): boolean {
  return label.endsWith(' lower edge')
}

export interface ValidationScatter {
  data: ChartData<'scatter', ValidationPoint[]>
  range: { min: number; max: number }
  /** Scored rows plotted. */
  points: number
}

/**
 * The scored rows of one metric as (measured, simulated), one dataset per stack (its colour
 * from `stackColorIndex`, each point's shape from its split), over the ±25% and ±10% bands
 * (each a lower edge and an upper edge filled down to it, `fill: '-1'`) and the y = x line.
 * Unsupported rows have no simulated value and are not plotted.
 */
export function validationScatterData(
  rows: readonly ValidationRowResult[],
  metric: ValidationMetricId,
  options: { reportStacks: readonly string[]; colors?: readonly string[]; ink?: string },
): ValidationScatter {
  const colors = options.colors ?? SERIES_COLORS
  const ink = options.ink ?? '#374151'
  const scored = rows.filter((row) => row.metric === metric && row.simulated !== null && row.error !== null)
  const range = scatterRange(scored.flatMap((row) => [row.measured, row.simulated!]))
  const stacks = [...new Set(scored.map((row) => row.stack))].sort(
    (a, b) => stackColorIndex(a, options.reportStacks) - stackColorIndex(b, options.reportStacks),
  )
  const line = { showLine: true, pointRadius: 0, pointHitRadius: 0 }
  const bands = VALIDATION_BANDS.flatMap((tolerance, index) => {
    const { lower, upper } = bandLines(range.min, range.max, tolerance)
    const fill = withAlpha(ink, 0.08 + 0.06 * index)
    return [
      { ...line, label: `${bandLabel(tolerance)} lower edge`, data: lower, borderWidth: 0, fill: false as const },
      {
        ...line,
        label: bandLabel(tolerance),
        data: upper,
        borderWidth: 0,
        borderColor: fill,
        backgroundColor: fill,
        fill: '-1' as const,
      },
    ]
  })
  const identity = {
    ...line,
    label: 'simulated = measured',
    data: [
      { x: range.min, y: range.min },
      { x: range.max, y: range.max },
    ],
    borderColor: ink,
    backgroundColor: ink,
    borderWidth: 1,
    fill: false as const,
  }
  const points = stacks.map((stack) => {
    const own = scored.filter((row) => row.stack === stack)
    const color = colors[stackColorIndex(stack, options.reportStacks) % colors.length]!
    return {
      label: stackLabel(stack),
      data: own.map((row) => ({ x: row.measured, y: row.simulated!, id: row.id, error: row.error! })),
      pointStyle: own.map((row) => splitShape(row.split)),
      backgroundColor: color,
      borderColor: color,
      pointRadius: 5,
      pointHoverRadius: 7,
      showLine: false,
    }
  })
  return { data: { datasets: [...bands, identity, ...points] }, range, points: scored.length }
}
