import { q, type Quantity } from '../../quantity'
import type { ExecutionSpec } from '../schema'
import { dgxH100 } from './dgxH100'

/**
 * The DGX H100's NeMo-fitted software-stack figures, for a GPU system with no published
 * latencies of its own; every source says so.
 */
export function h100StackCarriedOver(reason: string): {
  memoryEfficiency: Quantity
  hopLatency: Quantity
  execution: ExecutionSpec
} {
  const source = `ASSUMPTION: ${reason}; the DGX H100 NeMo fit carried over (same software stack)`
  const { chip, interconnect, execution } = dgxH100
  return {
    memoryEfficiency: q(chip.memoryEfficiency.value, source),
    hopLatency: q(interconnect.hopLatency.value, source),
    execution: {
      ...execution,
      stepOverhead: q(execution.stepOverhead.value, source),
      sequenceStepOverhead: q(execution.sequenceStepOverhead.value, source),
    },
  }
}
