import type { SystemSpec } from '../hardware/schema'
import { stackFigures, STACK_PROFILE, stacksFor, type StackId } from './registry'
import type { StackFigures } from './schema'

/** Why a stack cannot run on a system, or null when it can. */
export function stackRefusal(spec: SystemSpec, stack: StackId): string | null {
  if (stackFigures(stack, spec.chip.family) !== null) return null
  const runs = stacksFor(spec.chip.family)
  const chip = spec.chip.family === undefined ? `${spec.chip.name} (no silicon family)` : spec.chip.name
  return `${STACK_PROFILE[stack].label} has no figures for ${chip}: use ${runs.join(' or ')}`
}

/** The system with its software figures taken from `stack` (its silicon untouched). */
export function withStackFigures(spec: SystemSpec, figures: StackFigures): SystemSpec {
  return {
    ...spec,
    chip: { ...spec.chip, computeEfficiency: figures.computeEfficiency, memoryEfficiency: figures.memoryEfficiency },
    interconnect: { ...spec.interconnect, hopLatency: figures.hopLatency },
    execution: {
      ...spec.execution,
      hostKernelOverhead: figures.hostKernelOverhead,
      onChipKernelOverhead: figures.onChipKernelOverhead,
      stepOverhead: figures.stepOverhead,
      sequenceStepOverhead: figures.sequenceStepOverhead,
    },
  }
}

/**
 * The system on `stack`: the stack's figures for its silicon family replace the software
 * figures. Without a stack asked for, the system keeps its own figures (a preset's are its
 * default stack's, a custom system's are what its author wrote).
 */
export function applyStack(spec: SystemSpec, stack: StackId | undefined): SystemSpec {
  if (stack === undefined) return spec
  const figures = stackFigures(stack, spec.chip.family)
  if (figures === null) throw new Error(stackRefusal(spec, stack)!)
  return withStackFigures(spec, figures)
}

/** The stack a system runs under: the one asked for, else its default; null: its own figures. */
export function stackOf(spec: SystemSpec, stack: StackId | undefined): StackId | null {
  return stack ?? spec.defaultStack ?? null
}
