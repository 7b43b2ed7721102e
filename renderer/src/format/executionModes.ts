import type { ExecutionMode } from '../../../main/sim/perf/modes'
import type { SystemSpec } from '../../../contract/api'

export type { ExecutionMode }

/** The core's execution modes, restated (the renderer may import it only as a type); a test keeps them equal. */
export const EXECUTION_MODES = [
  'unfused',
  'kernelFused',
  'fusedSO',
  'fusedHO',
] as const satisfies readonly ExecutionMode[]

const LABELS: Record<ExecutionMode, { label: string; description: string }> = {
  unfused: { label: 'unfused', description: 'A kernel per operator, every intermediate through HBM' },
  kernelFused: { label: 'kernel-fused', description: 'What a GPU stack runs: FlashAttention, fused epilogues' },
  fusedSO: { label: 'fused SO', description: 'A decoder layer per kernel, software (host) orchestrated' },
  fusedHO: { label: 'fused HO', description: 'A decoder layer per kernel, hardware (on-chip) orchestrated' },
}

/** A mode as people read it; a mode this renderer does not know is shown as it came. */
export function modeLabel(mode: string): string {
  return LABELS[mode as ExecutionMode]?.label ?? mode
}

/** One line on what a mode does, for a tooltip. */
export function modeDescription(mode: string): string {
  return LABELS[mode as ExecutionMode]?.description ?? ''
}

/**
 * Whether a system has streaming dataflow fusion. A custom system the user typed is shown before
 * the API checks it, so its `execution` may be missing: only a literal `true` counts.
 */
function hasDataflowFusion(system: Pick<SystemSpec, 'execution'>): boolean {
  return (system.execution as Partial<SystemSpec['execution']> | undefined)?.dataflowFusion === true
}

/** The modes a system can run: the fused ones need streaming dataflow fusion. */
export function supportedModes(system: Pick<SystemSpec, 'execution'>): ExecutionMode[] {
  const fusion = hasDataflowFusion(system)
  return EXECUTION_MODES.filter((mode) => fusion || (mode !== 'fusedSO' && mode !== 'fusedHO'))
}

/** The mode a system runs when a scenario names none: its best (as main/sim/assumptions.ts chooses). */
export function defaultModeOf(system: Pick<SystemSpec, 'execution'>): ExecutionMode {
  return hasDataflowFusion(system) ? 'fusedHO' : 'kernelFused'
}
