import type { ResolvedSystem } from '../assumptions'
import { expertPlacement, type CoeCallInput } from './coeCall'

/**
 * Machines a system needs to serve `experts` experts under its placement rule [P Fig. 13]:
 * `hbm` (GPUs at TP8 latency cannot copy experts in, so each node holds the router and as many
 * experts as its HBM takes); `capacityTier` (experts in DDR, the switch cost paid in latency).
 * Null when one machine cannot hold a single expert.
 */
export function machinesNeeded(
  system: ResolvedSystem,
  input: Omit<CoeCallInput, 'experts'>,
  experts: number,
): number | null {
  const placement = expertPlacement(system, { ...input, experts: 1 })
  const perMachine =
    system.spec.execution.footprintPlacement === 'hbm'
      ? placement.residentSlots
      : Math.floor(system.spec.capacityTier.bytes.value / placement.expertBytes)
  return perMachine < 1 ? null : Math.ceil(experts / perMachine)
}
