import type { Scenario, SensitivityBar, SensitivityDto, SweepMetricName } from '../../contract/api'
import { figureAxis, focusScenario, sensitivityFigures, type GridAxis, type PointOutcome } from '../sim'
import type { SimPool } from '../workers/pool'
import { InvalidInputError } from './errors'

export interface SensitivityInput {
  scenario: Scenario
  metric: SweepMetricName
  system: string
  step: number
}

/** The metric's median for the system at each point of a one-chunk grid, null where it has none. */
async function measure(
  pool: SimPool,
  base: Scenario,
  axes: GridAxis[],
  input: SensitivityInput,
  signal: AbortSignal,
): Promise<(number | null)[]> {
  const indices = axes.length === 0 ? [0] : axes[0]!.values.map((_, index) => index)
  const outcomes: PointOutcome[] = await pool.evaluatePoints({ base, axes, indices, seeds: 1 }, { signal })
  return outcomes.map((outcome) => {
    if (outcome.status === 'failed') throw new InvalidInputError(`sensitivity: ${outcome.error}`)
    return outcome.metrics[input.system]?.[input.metric]?.p50 ?? null
  })
}

/**
 * A tornado chart's bars: every figure of the system that systemOverrides accepts, moved down and
 * up by `step` (clamped to its bounds), one point each through the pool, in parallel; the chosen
 * metric of the chosen system; sorted by swing, largest first. The scenario is narrowed to the
 * one system: the others are simulated apart and cannot move its metric.
 */
export async function measureSensitivity(
  pool: SimPool,
  input: SensitivityInput,
  signal: AbortSignal,
): Promise<SensitivityDto> {
  const { scenario, system, metric, step } = input
  if (!scenario.systems.includes(system)) {
    throw new InvalidInputError(
      `system: "${system}" is not one of the scenario's systems (${scenario.systems.join(', ')})`,
    )
  }
  const focused = focusScenario(scenario, system)
  const figures = sensitivityFigures(focused, system, step)
  // One point failing (or the caller's abort) stops the others: the tornado needs them all.
  const siblings = new AbortController()
  const stop = (): void => siblings.abort(signal.reason)
  if (signal.aborted) stop()
  signal.addEventListener('abort', stop, { once: true })
  const settle = <T>(work: Promise<T>): Promise<T> =>
    work.catch((error: unknown) => {
      if (!siblings.signal.aborted) siblings.abort(error)
      throw error
    })
  let measured: (number | null)[][]
  try {
    measured = await Promise.all([
      settle(measure(pool, focused, [], input, siblings.signal)),
      ...figures.map((figure) => settle(measure(pool, focused, [figureAxis(figure)], input, siblings.signal))),
    ])
  } finally {
    signal.removeEventListener('abort', stop)
  }
  const [[baseline] = [], ...moved] = measured
  if (baseline === null || baseline === undefined) {
    throw new InvalidInputError(
      `${system} has no ${metric} in this scenario (out of memory, or a serving metric without a serving section)`,
    )
  }
  const bars: SensitivityBar[] = figures.flatMap((figure, index) => {
    const [low, high] = moved[index]!
    if (low === null || low === undefined || high === null || high === undefined) return []
    return [
      {
        path: figure.path,
        baseValue: figure.baseValue,
        low: { value: figure.low, metric: low },
        high: { value: figure.high, metric: high },
        swing: Math.abs(high - low),
      },
    ]
  })
  bars.sort((a, b) => b.swing - a.swing || a.path.localeCompare(b.path))
  return { metric, system, step, baseline, bars }
}
