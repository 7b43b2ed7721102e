import type { ChartData } from 'chart.js'
import type { CrossoverDto, SweepDetailDto, SweepMetricName, SweepPointDto } from '../../../../contract/api'
import { SERIES_COLORS, seriesDash } from '../palette'

/** What the sweep mappers read of a sweep. */
export type SweepShape = Pick<SweepDetailDto, 'axes' | 'systems' | 'seeds' | 'pointsData'>

export type SweepAxisScale = 'linear' | 'logarithmic' | 'category'

/** A numeric axis spanning two decades or more (all values above 0) reads best on a log scale. */
export function sweepAxisScale(values: readonly (number | string | boolean)[]): SweepAxisScale {
  if (!values.every((value) => typeof value === 'number' && Number.isFinite(value))) return 'category'
  const numbers = values as number[]
  const min = Math.min(...numbers)
  const max = Math.max(...numbers)
  return min > 0 && max / min >= 100 ? 'logarithmic' : 'linear'
}

/** `#2563eb` with alpha 0.2 → `rgba(37, 99, 235, 0.2)`; any other colour is returned as it is. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color.trim())
  if (!hex) return color
  const n = parseInt(hex[1]!, 16)
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`
}

export interface SweepLinePoint {
  x: number
  y: number
}

/** The done points of a sweep in axis order, with one system's spread of `metric` at each. */
function spreadsAlong(sweep: SweepShape, system: string, metric: SweepMetricName) {
  return sweep.pointsData
    .filter((point) => point.status === 'done')
    .sort((a, b) => a.index - b.index)
    .map((point) => ({ x: point.values[0]!, spread: point.metrics[system]?.[metric] ?? null }))
}

export interface SweepLineChart {
  scale: SweepAxisScale
  data: ChartData<'line', (SweepLinePoint | number | null)[]>
}

/**
 * One line per system through the median of `metric` against the first axis; with more than
 * one seed, each line gets its P5–P95 band first (P5 unfilled, P95 filled down to it, `fill: '-1'`).
 * A numeric axis gives `{ x, y }` points (missing values left out); a word axis gives labels
 * and a value or null per label. Colours follow the system's place in `sweep.systems`.
 */
export function sweepLineChartData(
  sweep: SweepShape,
  metric: SweepMetricName,
  colors: readonly string[] = SERIES_COLORS,
  names: Readonly<Record<string, string>> = {},
): SweepLineChart {
  const scale = sweepAxisScale(sweep.axes[0]?.values ?? [])
  const numeric = scale !== 'category'
  const labels = numeric ? undefined : (sweep.axes[0]?.values ?? []).map(String)
  const datasets = sweep.systems.flatMap((system, index) => {
    const color = colors[index % colors.length]!
    const name = names[system] ?? system
    const along = spreadsAlong(sweep, system, metric)
    const series = (pick: 'p5' | 'p50' | 'p95'): (SweepLinePoint | number | null)[] => {
      if (!numeric) {
        return labels!.map((label) => along.find((entry) => String(entry.x) === label)?.spread?.[pick] ?? null)
      }
      return along
        .filter((entry) => entry.spread !== null)
        .map((entry) => ({ x: entry.x as number, y: entry.spread![pick] }))
        .sort((a, b) => a.x - b.x)
    }
    const line = {
      label: name,
      data: series('p50'),
      borderColor: color,
      backgroundColor: color,
      borderDash: seriesDash(index),
      borderWidth: 2,
      pointRadius: 3,
      fill: false as const,
    }
    if (sweep.seeds <= 1) return [line]
    const edge = { borderWidth: 0, pointRadius: 0, borderColor: color }
    return [
      { ...edge, label: `${name} P5`, data: series('p5'), fill: false as const, backgroundColor: color },
      {
        ...edge,
        label: `${name} P95`,
        data: series('p95'),
        fill: '-1' as const,
        backgroundColor: withAlpha(color, 0.2),
      },
      line,
    ]
  })
  return { scale, data: { ...(labels ? { labels } : {}), datasets } }
}

/** Band edges are legend noise: the band reads as part of its line. */
export function isBandLabel(label: string): boolean {
  return / P(5|95)$/.test(label)
}

export interface SweepMarker {
  x: number
  label: string
}

/**
 * Crossovers of `metric` along a one-axis sweep, as vertical markers: one per x, naming every
 * system that crosses there, left to right.
 */
export function sweepCrossoverMarkers(crossovers: readonly CrossoverDto[], metric: SweepMetricName): SweepMarker[] {
  const byX = new Map<number, Set<string>>()
  for (const crossover of crossovers) {
    if (crossover.metric !== metric || crossover.at !== null) continue
    const systems = byX.get(crossover.x) ?? new Set<string>()
    crossover.systems.forEach((system) => systems.add(system))
    byX.set(crossover.x, systems)
  }
  return [...byX.entries()].sort(([a], [b]) => a - b).map(([x, systems]) => ({ x, label: [...systems].join(', ') }))
}

export interface HeatmapCell {
  /** The point's index in the grid. */
  index: number
  value: number | null
  /** 0..1 along the shared colour scale; null where there is no value. */
  level: number | null
  status: SweepPointDto['status']
}

export interface Heatmap {
  system: string
  /** The second axis's values, one per row, top to bottom. */
  rows: { value: number | string | boolean; cells: HeatmapCell[] }[]
}

export interface Heatmaps {
  /** The first axis's values: the columns. */
  columns: (number | string | boolean)[]
  maps: Heatmap[]
  /** The colour scale, shared by every system so that their maps compare. */
  min: number | null
  max: number | null
  logarithmic: boolean
}

/**
 * A grid per system of the median of `metric` over a two-axis sweep: columns are the first
 * axis, rows the second (point `index` = column × rows + row, as the grid is row-major). The
 * colour level is shared across systems, on a log scale when the values span two decades.
 */
export function sweepHeatmaps(sweep: SweepShape, metric: SweepMetricName): Heatmaps {
  const columns = [...(sweep.axes[0]?.values ?? [])]
  const rowValues = [...(sweep.axes[1]?.values ?? [])]
  const byIndex = new Map(sweep.pointsData.map((point) => [point.index, point]))
  const valueAt = (system: string, index: number): number | null => {
    const point = byIndex.get(index)
    return point?.status === 'done' ? (point.metrics[system]?.[metric]?.p50 ?? null) : null
  }
  const all = sweep.systems.flatMap((system) =>
    sweep.pointsData.map((point) => valueAt(system, point.index)).filter((v): v is number => v !== null),
  )
  const min = all.length > 0 ? Math.min(...all) : null
  const max = all.length > 0 ? Math.max(...all) : null
  const logarithmic = min !== null && max !== null && min > 0 && max / min >= 100
  const level = (value: number | null): number | null => {
    if (value === null || min === null || max === null) return null
    if (max === min) return 0.5
    return logarithmic ? Math.log(value / min) / Math.log(max / min) : (value - min) / (max - min)
  }
  const maps = sweep.systems.map((system) => ({
    system,
    rows: rowValues.map((value, row) => ({
      value,
      cells: columns.map((_, column) => {
        const index = column * rowValues.length + row
        const cellValue = valueAt(system, index)
        return { index, value: cellValue, level: level(cellValue), status: byIndex.get(index)?.status ?? 'pending' }
      }),
    })),
  }))
  return { columns, maps, min, max, logarithmic }
}
