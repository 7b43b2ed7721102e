import { resolveSystem } from '../assumptions'
import { OVERRIDABLE_FIGURE, OVERRIDABLE_FIGURES } from '../hardware/overridableFigures'
import type { Scenario } from '../scenario/schema'
import type { GridAxis } from './expand'
import { ownEntry } from '../own'

/** One system figure moved down and up: the two values of its tornado bar. */
export interface SensitivityFigure {
  name: string
  /** `systemOverrides.<system>.<name>`: the field the moved value is written to. */
  path: string
  baseValue: number
  low: number
  high: number
}

/** The figures the table marks for the tornado (`chips` must divide the heads, so it is not moved by a fraction). */
const MOVABLE_FIGURES = OVERRIDABLE_FIGURES.filter((key) => OVERRIDABLE_FIGURE[key].sensitivity)

/**
 * The scenario with only `system` in it: systems are simulated independently, so the others'
 * figures cannot move its metrics, and leaving them out makes each point cheaper.
 */
export function focusScenario(scenario: Scenario, system: string): Scenario {
  const override = ownEntry(scenario.systemOverrides, system)
  return { ...scenario, systems: [system], systemOverrides: override ? { [system]: override } : {} }
}

/**
 * Every figure of `system` the tornado moves, at its value in this scenario (preset or
 * override) moved ×(1 − step) and ×(1 + step), each clamped to the figure's bounds (the schema's).
 */
export function sensitivityFigures(scenario: Scenario, system: string, step: number): SensitivityFigure[] {
  const resolved = resolveSystem(system, scenario)
  return MOVABLE_FIGURES.map((name) => {
    const { min, max } = OVERRIDABLE_FIGURE[name]
    const baseValue = resolved[name]
    const clamp = (value: number): number => Math.min(max, Math.max(min.value, value))
    return {
      name,
      path: `systemOverrides.${system}.${name}`,
      baseValue,
      low: clamp(baseValue * (1 - step)),
      high: clamp(baseValue * (1 + step)),
    }
  })
}

/** The one-axis grid of a figure: its low and high value. */
export function figureAxis(figure: SensitivityFigure): GridAxis {
  return { path: figure.path, values: [figure.low, figure.high] }
}
