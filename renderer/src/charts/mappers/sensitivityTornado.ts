import type { ChartData } from 'chart.js'
import type { SensitivityBar, SensitivityDto } from '../../../../contract/api'
import { SERIES_COLORS } from '../palette'

/** `systemOverrides.dgx-h100.memoryEfficiency` → `dgx-h100 memoryEfficiency`: the bar's label. */
export function assumptionLabel(path: string): string {
  return path.startsWith('systemOverrides.') ? path.slice('systemOverrides.'.length).replace('.', ' ') : path
}

/** The bars, largest swing first (the API sorts them; a tie keeps its order). */
function bySwing(bars: readonly SensitivityBar[]): SensitivityBar[] {
  return [...bars].sort((a, b) => b.swing - a.swing)
}

/** `20%` for a step of 0.2. */
export function stepPercent(step: number): string {
  return `${Number((step * 100).toPrecision(3))}%`
}

/**
 * A tornado: one horizontal row per assumption, largest swing at the top, with two floating
 * bars from the baseline: to the metric with the assumption moved down by `step`, and up by it.
 * Colours are the first two series colours (the theme's when given).
 */
export function tornadoChartData(
  sensitivity: SensitivityDto,
  colors: readonly string[] = SERIES_COLORS,
): ChartData<'bar', [number, number][]> {
  const bars = bySwing(sensitivity.bars)
  const step = stepPercent(sensitivity.step)
  return {
    labels: bars.map((bar) => assumptionLabel(bar.path)),
    datasets: [
      {
        label: `assumption −${step}`,
        data: bars.map((bar): [number, number] => [sensitivity.baseline, bar.low.metric]),
        backgroundColor: colors[0]!,
        borderColor: colors[0]!,
      },
      {
        label: `assumption +${step}`,
        data: bars.map((bar): [number, number] => [sensitivity.baseline, bar.high.metric]),
        backgroundColor: colors[1 % colors.length]!,
        borderColor: colors[1 % colors.length]!,
      },
    ],
  }
}

export interface TornadoRow {
  path: string
  label: string
  baseValue: number
  lowValue: number
  highValue: number
  lowMetric: number
  highMetric: number
  /** (metric − baseline) / |baseline|; null where the baseline is 0. */
  lowChange: number | null
  highChange: number | null
  swing: number
}

/** The table beside the tornado: the same rows, in the same order, with relative changes. */
export function tornadoRows(sensitivity: SensitivityDto): TornadoRow[] {
  const relative = (metric: number): number | null =>
    sensitivity.baseline === 0 ? null : (metric - sensitivity.baseline) / Math.abs(sensitivity.baseline)
  return bySwing(sensitivity.bars).map((bar) => ({
    path: bar.path,
    label: assumptionLabel(bar.path),
    baseValue: bar.baseValue,
    lowValue: bar.low.value,
    highValue: bar.high.value,
    lowMetric: bar.low.metric,
    highMetric: bar.high.metric,
    lowChange: relative(bar.low.metric),
    highChange: relative(bar.high.metric),
    swing: bar.swing,
  }))
}
