import { z } from 'zod'
import { resolveSystem, type ResolvedSystem } from '../assumptions'
import { SystemOverrideSchema, type Scenario } from '../scenario/schema'
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

/** The numeric, non-integer overrides (`chips` must divide the heads, so it is not moved by a fraction). */
function movableFigures(): { name: keyof ResolvedSystem; min: number; max: number }[] {
  return Object.entries(SystemOverrideSchema.shape).flatMap(([name, field]) => {
    const inner = field.unwrap()
    if (!(inner instanceof z.ZodNumber) || inner.isInt) return []
    return [{ name: name as keyof ResolvedSystem, min: inner.minValue ?? 0, max: inner.maxValue ?? Infinity }]
  })
}

/**
 * The scenario with only `system` in it: systems are simulated independently, so the others'
 * figures cannot move its metrics, and leaving them out makes each point cheaper.
 */
export function focusScenario(scenario: Scenario, system: string): Scenario {
  const override = ownEntry(scenario.systemOverrides, system)
  return { ...scenario, systems: [system], systemOverrides: override ? { [system]: override } : {} }
}

/**
 * Every figure of `system` that systemOverrides accepts, at its value in this scenario (preset or
 * override) moved ×(1 − step) and ×(1 + step), each clamped to the field's schema bounds.
 */
export function sensitivityFigures(scenario: Scenario, system: string, step: number): SensitivityFigure[] {
  const resolved = resolveSystem(system, scenario)
  return movableFigures().map(({ name, min, max }) => {
    const baseValue = resolved[name] as number
    const clamp = (value: number): number => Math.min(max, Math.max(min, value))
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
