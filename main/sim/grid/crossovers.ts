import type { Spread } from '../result'
import type { AxisValue } from './axisValues'
import type { GridAxis } from './expand'
import { COUNT_METRICS, SWEEP_METRIC_NAMES, type SweepMetricName } from '../metrics/registry'
import { ownEntry } from '../own'

/** Where the answer changes along the first axis (the contract's CrossoverDto). */
export interface Crossover {
  metric: SweepMetricName
  path: string
  at: AxisValue | null
  kind: 'overtake' | 'step'
  x: number
  systems: string[]
  description: string
}

/** A finished point as crossovers read it: its axis values and its metrics' spreads by system. */
export interface CrossoverPoint {
  values: readonly AxisValue[]
  metrics: Record<string, Partial<Record<SweepMetricName, Spread | null>>>
}

/** One line of the first axis: x and each system's medians, sorted by x. */
type Line = { x: number; metrics: CrossoverPoint['metrics'] }[]

const format = (value: number): string => String(Number(value.toPrecision(4)))

function median(point: Line[number], system: string, metric: SweepMetricName): number | null {
  return ownEntry(point.metrics, system)?.[metric]?.p50 ?? null
}

/**
 * The x where a − b changes sign: interpolated between neighbours, or the point where it is 0;
 * and whether a is above b after it (the sign past the change, ties skipped).
 */
function overtakes(line: Line, a: string, b: string, metric: SweepMetricName): { x: number; aAbove: boolean }[] {
  const found: { x: number; aAbove: boolean }[] = []
  let last: { x: number; d: number } | null = null
  let firstZero: number | null = null
  for (const point of line) {
    const va = median(point, a, metric)
    const vb = median(point, b, metric)
    if (va === null || vb === null) continue
    const d = va - vb
    if (d === 0) {
      firstZero ??= point.x
      continue
    }
    if (last && Math.sign(d) !== Math.sign(last.d)) {
      found.push({ x: firstZero ?? last.x + ((point.x - last.x) * last.d) / (last.d - d), aAbove: d > 0 })
    }
    last = { x: point.x, d }
    firstZero = null
  }
  return found
}

/** Where on the second axis a line lies, for the descriptions. */
type Place = { path: string; at: AxisValue | null; secondPath: string | undefined }

function findOvertakes(line: Line, systems: readonly string[], { path, at, secondPath }: Place): Crossover[] {
  const found: Crossover[] = []
  const where = at === null ? '' : ` (${secondPath} = ${String(at)})`
  for (const metric of SWEEP_METRIC_NAMES) {
    if (COUNT_METRICS.includes(metric)) continue
    systems.forEach((a, i) => {
      for (const b of systems.slice(i + 1)) {
        for (const { x, aAbove } of overtakes(line, a, b, metric)) {
          // Which one is above past the change (ties skipped) says who overtook whom.
          const [high, low] = aAbove ? [a, b] : [b, a]
          found.push({
            metric,
            path,
            at,
            kind: 'overtake',
            x,
            systems: [high, low],
            description: `${high}'s ${metric} rises above ${low}'s at ${path} = ${format(x)}${where}`,
          })
        }
      }
    })
  }
  return found
}

function findSteps(line: Line, systems: readonly string[], { path, at, secondPath }: Place): Crossover[] {
  const found: Crossover[] = []
  const noun = path.split('.').at(-1) ?? path
  const where = at === null ? '' : `, at ${secondPath} = ${String(at)}`
  for (const metric of COUNT_METRICS) {
    for (const system of systems) {
      let previous: { x: number; value: number } | null = null
      for (const point of line) {
        const value = median(point, system, metric)
        if (value === null) continue
        if (previous && value > previous.value) {
          const count = format(value)
          const what = metric === 'machinesForExperts' ? `machine${value === 1 ? '' : 's'}` : metric
          found.push({
            metric,
            path,
            at,
            kind: 'step',
            x: point.x,
            systems: [system],
            description: `${system} needs ${count} ${what} above ${format(previous.x)} ${noun} (${path}${where})`,
          })
        }
        previous = { x: point.x, value }
      }
    }
  }
  return found
}

/**
 * Crossovers along the first axis when its values are numbers: for each pair of systems and each
 * metric, where their medians swap order (an overtake, at the linearly interpolated x), and for
 * count metrics (machines) each increase (a step, at the first point past it). With two axes,
 * each value of the second axis is a line of its own (`at`). Points not done are skipped.
 */
export function findCrossovers(
  axes: readonly GridAxis[],
  points: readonly CrossoverPoint[],
  systems: readonly string[],
): Crossover[] {
  const [first, second] = axes
  if (!first || !first.values.every((v) => typeof v === 'number')) return []
  const lines = new Map<AxisValue | null, Line>()
  for (const point of points) {
    const at = second ? point.values[1]! : null
    const line = lines.get(at) ?? []
    line.push({ x: point.values[0] as number, metrics: point.metrics })
    lines.set(at, line)
  }
  const found: Crossover[] = []
  for (const [at, line] of lines) {
    line.sort((p, q) => p.x - q.x)
    const place = { path: first.path, at, secondPath: second?.path }
    found.push(...findSteps(line, systems, place), ...findOvertakes(line, systems, place))
  }
  return found
}
