import type { ChipSpec, ExecutionSpec, InterconnectSpec, SystemSpec } from '../schema'
import type { SiliconFamily } from '../../stacks/schema'
import { applyStack } from '../../stacks/apply'
import type { StackId } from '../../stacks/registry'
import { q } from '../../quantity'

type StackExecutionKey = 'hostKernelOverhead' | 'onChipKernelOverhead' | 'stepOverhead' | 'sequenceStepOverhead'

/** A system as its datasheets give it: silicon, links and how it runs kernels; no software figure. */
export type SiliconSpec = Omit<SystemSpec, 'chip' | 'interconnect' | 'execution' | 'defaultStack'> & {
  chip: Omit<ChipSpec, 'computeEfficiency' | 'attentionEfficiency' | 'memoryEfficiency' | 'family'> & {
    family: SiliconFamily
  }
  interconnect: Omit<InterconnectSpec, 'collectiveLatency'>
  execution: Omit<ExecutionSpec, StackExecutionKey>
}

const UNSET = q(0, 'set by the stack')

/** A preset: its silicon on `stack`, the stack's figures for its family filled in. */
export function presetOn(silicon: SiliconSpec, stack: StackId): SystemSpec {
  const blank: SystemSpec = {
    ...silicon,
    chip: { ...silicon.chip, computeEfficiency: UNSET, attentionEfficiency: UNSET, memoryEfficiency: UNSET },
    interconnect: { ...silicon.interconnect, collectiveLatency: UNSET },
    execution: {
      ...silicon.execution,
      hostKernelOverhead: UNSET,
      onChipKernelOverhead: UNSET,
      stepOverhead: UNSET,
      sequenceStepOverhead: UNSET,
    },
    defaultStack: stack,
  }
  return applyStack(blank, stack)
}
