import type { Quantity } from '../quantity'

/**
 * The silicon a stack profile keys its figures by: one family per chip design, whatever system
 * it sits in (a 40 GB A100 runs a stack's A100 figures). A chip names its family
 * (`chip.family`); a chip without one runs its own figures, or the `ideal` stack.
 */
export const SILICON_FAMILIES = ['a100', 'h100', 'h200', 'mi300x', 'sn40l'] as const
export type SiliconFamily = (typeof SILICON_FAMILIES)[number]

/**
 * The figures that belong to software, not silicon: how close the stack's kernels get to the
 * chip's peaks, what its host, framework and kernel calls cost, and the fixed cost of its
 * collective calls. Each is also an overridable figure (hardware/overridableFigures.ts) of the same name.
 */
export const STACK_FIGURES = [
  'computeEfficiency',
  'attentionEfficiency',
  'memoryEfficiency',
  'hostKernelOverhead',
  'onChipKernelOverhead',
  'stepOverhead',
  'sequenceStepOverhead',
  'collectiveLatency',
] as const
export type StackFigureKey = (typeof STACK_FIGURES)[number]
export type StackFigures = Record<StackFigureKey, Quantity>

/** A figure tools/fitStacks.ts fits: what it stands for, and where the fit starts. */
export interface FreeFigure {
  what: string
  start: number
}

/** A stack on one silicon family: its figures, and which of them tools/fitStacks.ts fits. */
export interface StackOnSilicon {
  figures: StackFigures
  /** The free figures, fitted on this stack's `fit` rows on this family; the rest are assumed or published. */
  fitted: Partial<Record<StackFigureKey, FreeFigure>>
}

/** One software stack: what it is, and its figures on each silicon family it runs on. */
export interface StackProfile {
  label: string
  /** What was measured, as people name it. */
  description: string
  /** Per family; a family left out does not run this stack (the scenario is refused for it). */
  families: Partial<Record<SiliconFamily, StackOnSilicon>>
  /** Figures for any chip, family or not (the `ideal` stack only). */
  anySilicon?: StackFigures
}

/** Where a fitted figure's bounds lie: what the fit may try. */
export const FIT_BOUNDS: Record<StackFigureKey, { low: number; high: number }> = {
  computeEfficiency: { low: 0.05, high: 1 },
  attentionEfficiency: { low: 0.05, high: 1 },
  memoryEfficiency: { low: 0.05, high: 1 },
  hostKernelOverhead: { low: 0, high: 1e-3 },
  onChipKernelOverhead: { low: 0, high: 1e-3 },
  stepOverhead: { low: 0, high: 0.05 },
  sequenceStepOverhead: { low: 0, high: 0.01 },
  collectiveLatency: { low: 0, high: 1e-3 },
}

/** What tools/fitStacks.ts fitted for one stack on one family, and on which rows. */
export interface FittedEntry {
  rows: readonly string[]
  figures: Partial<Record<StackFigureKey, number>>
}
export type FittedTable = Readonly<Record<string, Partial<Record<SiliconFamily, FittedEntry>>>>
