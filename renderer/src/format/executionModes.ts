import { EXECUTION_MODE, bestModeFor, modesFor, type ExecutionMode, type SystemSpec } from '../../../contract/api'

export type { ExecutionMode }

/** The registry's entry for a mode from a result; undefined for one this renderer does not know. */
const entryOf = (mode: string) =>
  Object.hasOwn(EXECUTION_MODE, mode) ? EXECUTION_MODE[mode as ExecutionMode] : undefined

/** A mode as people read it; a mode this renderer does not know is shown as it came. */
export function modeLabel(mode: string): string {
  return entryOf(mode)?.label ?? mode
}

/** One line on what a mode does, for a tooltip. */
export function modeDescription(mode: string): string {
  return entryOf(mode)?.description ?? ''
}

/**
 * Whether a system has streaming dataflow fusion. A custom system the user typed is shown before
 * the API checks it, so its `execution` may be missing: only a literal `true` counts.
 */
function hasDataflowFusion(system: Pick<SystemSpec, 'execution'>): boolean {
  return (system.execution as Partial<SystemSpec['execution']> | undefined)?.dataflowFusion === true
}

/** The modes a system can run (the core's rule): the fused ones need streaming dataflow fusion. */
export function supportedModes(system: Pick<SystemSpec, 'execution'>): ExecutionMode[] {
  return modesFor(hasDataflowFusion(system))
}

/** The mode a system runs when a scenario names none: its best (the core's rule). */
export function defaultModeOf(system: Pick<SystemSpec, 'execution'>): ExecutionMode {
  return bestModeFor(hasDataflowFusion(system))
}
