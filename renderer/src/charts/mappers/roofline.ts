import type { ChartData } from 'chart.js'
import type { OperatorTiming, RunResult, SystemResult } from '../../../../contract/api'
import { seriesColor } from '../palette'

export type RooflinePhase = 'prefill' | 'decode'

/** A point of the chart: x FLOP/byte, y FLOP/s of one chip; `operator` names an operator's point. */
export interface RooflinePoint {
  x: number
  y: number
  operator?: string
}

/** How far the roofs reach beyond the outermost point or ridge, as a factor on the log axis. */
const MARGIN = 2

/**
 * Each operator of a phase on one chip's share, as (intensity, attained rate): flops / bytes
 * and flops / seconds. Operators without flops, bytes or time have no place on log axes.
 */
export function operatorPoints(operators: readonly OperatorTiming[]): RooflinePoint[] {
  return operators
    .filter((op) => op.flops > 0 && op.bytes > 0 && op.seconds > 0)
    .map((op) => ({ x: op.flops / op.bytes, y: op.flops / op.seconds, operator: op.name }))
}

/** The intensity where a chip's memory roof meets its compute roof. */
export function ridgeIntensity(system: Pick<SystemResult, 'achievablePerChip'>): number {
  return system.achievablePerChip.flopsPerSecond / system.achievablePerChip.bytesPerSecond
}

/** y = min(peak FLOP/s, intensity × bandwidth) at the range's ends and at the ridge between them. */
export function roofPoints(system: Pick<SystemResult, 'achievablePerChip'>, from: number, to: number): RooflinePoint[] {
  const { flopsPerSecond, bytesPerSecond } = system.achievablePerChip
  const ridge = ridgeIntensity(system)
  const xs = ridge > from && ridge < to ? [from, ridge, to] : [from, to]
  return xs.map((x) => ({ x, y: Math.min(flopsPerSecond, x * bytesPerSecond) }))
}

/**
 * A log-log roofline of one phase: per system (that ran it) one scatter dataset of its operators
 * and one line, its roofs. The roofs span every point and every ridge, with a margin of 2× on
 * each side, so each knee shows.
 */
export function rooflineChartData(result: RunResult, phase: RooflinePhase): ChartData<'scatter', RooflinePoint[]> {
  const systems = result.systems.filter((system) => system[phase] !== null)
  const points = systems.map((system) => operatorPoints(system[phase]!.operators))
  const xs = [...points.flat().map((point) => point.x), ...systems.map(ridgeIntensity)]
  if (xs.length === 0) return { datasets: [] }
  const from = Math.min(...xs) / MARGIN
  const to = Math.max(...xs) * MARGIN
  return {
    datasets: systems.flatMap((system, index) => [
      {
        label: system.systemName,
        data: points[index]!,
        backgroundColor: seriesColor(index),
        borderColor: seriesColor(index),
        pointRadius: 4,
        pointStyle: 'circle' as const,
      },
      {
        label: `${system.systemName} roof`,
        data: roofPoints(system, from, to),
        borderColor: seriesColor(index),
        backgroundColor: seriesColor(index),
        showLine: true,
        borderWidth: 2,
        borderDash: [6, 4],
        pointRadius: 0,
        pointStyle: 'line' as const,
      },
    ]),
  }
}
