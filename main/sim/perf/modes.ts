/**
 * How operators become kernels (see kernels.ts), one entry per mode: the scenario schema, the
 * assumptions ledger, the form's mode choices and the result tables are all generated from it.
 * Listed from least to most fused: a system's default is the last one it supports.
 * - `unfused`: PyTorch eager, at least one kernel per operator, every intermediate through HBM,
 *   host-scheduled;
 * - `kernelFused`: what a current GPU stack runs (FlashAttention, GEMMs with fused epilogues);
 * - `fusedSO` / `fusedHO`: streaming dataflow, a whole decoder layer is one kernel, scheduled by
 *   the host (software orchestration) or on chip (hardware orchestration).
 */
export interface ExecutionModeEntry {
  /** The mode as people read it. */
  label: string
  /** One line on what the mode does. */
  description: string
  /** Only a system with streaming dataflow fusion (`execution.dataflowFusion`) can run it. */
  needsDataflowFusion: boolean
}

export const EXECUTION_MODE = {
  unfused: {
    label: 'unfused',
    description: 'A kernel per operator, every intermediate through HBM',
    needsDataflowFusion: false,
  },
  kernelFused: {
    label: 'kernel-fused',
    description: 'What a GPU stack runs: FlashAttention, fused epilogues',
    needsDataflowFusion: false,
  },
  fusedSO: {
    label: 'fused SO',
    description: 'A decoder layer per kernel, software (host) orchestrated',
    needsDataflowFusion: true,
  },
  fusedHO: {
    label: 'fused HO',
    description: 'A decoder layer per kernel, hardware (on-chip) orchestrated',
    needsDataflowFusion: true,
  },
} as const satisfies Record<string, ExecutionModeEntry>

export type ExecutionMode = keyof typeof EXECUTION_MODE
/** The mode ids in registry order (a tuple, for `z.enum`). */
export const EXECUTION_MODES = Object.keys(EXECUTION_MODE) as [ExecutionMode, ...ExecutionMode[]]

/** The modes a system can run, in registry order: the fused ones need streaming dataflow fusion. */
export function modesFor(dataflowFusion: boolean): ExecutionMode[] {
  return EXECUTION_MODES.filter((mode) => dataflowFusion || !EXECUTION_MODE[mode].needsDataflowFusion)
}

/** The best mode a system supports (the last it can run): what runs when a scenario names none. */
export function bestModeFor(dataflowFusion: boolean): ExecutionMode {
  return modesFor(dataflowFusion).at(-1)!
}
