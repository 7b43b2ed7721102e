import type { SystemSpec } from '../hardware/schema'
import { stackFigures, STACK_PROFILE, stacksFor, type StackId } from './registry'
import { STACK_FIGURES, type StackFigures } from './schema'
import { q, type Quantity } from '../quantity'

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
    chip: {
      ...spec.chip,
      computeEfficiency: figures.computeEfficiency,
      attentionEfficiency: figures.attentionEfficiency,
      memoryEfficiency: figures.memoryEfficiency,
    },
    interconnect: { ...spec.interconnect, collectiveLatency: figures.collectiveLatency },
    execution: {
      ...spec.execution,
      hostKernelOverhead: figures.hostKernelOverhead,
      onChipKernelOverhead: figures.onChipKernelOverhead,
      stepOverhead: figures.stepOverhead,
      sequenceStepOverhead: figures.sequenceStepOverhead,
    },
  }
}

/** A chip's attention efficiency; one without (a custom system of an earlier version) runs attention like its GEMMs. */
export function attentionEfficiencyOf(spec: SystemSpec): Quantity {
  return (
    spec.chip.attentionEfficiency ??
    q(spec.chip.computeEfficiency.value, 'not given: attention at the compute efficiency of the GEMMs')
  )
}

/** The software figures a system holds: where withStackFigures writes them. */
function figuresOf(spec: SystemSpec): StackFigures {
  return {
    computeEfficiency: spec.chip.computeEfficiency,
    attentionEfficiency: attentionEfficiencyOf(spec),
    memoryEfficiency: spec.chip.memoryEfficiency,
    collectiveLatency: spec.interconnect.collectiveLatency,
    hostKernelOverhead: spec.execution.hostKernelOverhead,
    onChipKernelOverhead: spec.execution.onChipKernelOverhead,
    stepOverhead: spec.execution.stepOverhead,
    sequenceStepOverhead: spec.execution.sequenceStepOverhead,
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

/** Whether the system's software figures are exactly `stack`'s on its silicon. */
function runsFiguresOf(spec: SystemSpec, stack: StackId): boolean {
  const figures = stackFigures(stack, spec.chip.family)
  const own = figuresOf(spec)
  return figures !== null && STACK_FIGURES.every((key) => own[key].value === figures[key].value)
}

/**
 * The stack a system runs under: the one asked for, else its default stack when its figures are
 * that stack's (a preset's are; a custom system edited away from them runs its own); null: its
 * own figures.
 */
export function stackOf(spec: SystemSpec, stack: StackId | undefined): StackId | null {
  if (stack !== undefined) return stack
  return spec.defaultStack !== undefined && runsFiguresOf(spec, spec.defaultStack) ? spec.defaultStack : null
}
