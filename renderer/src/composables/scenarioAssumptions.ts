import type { Scenario, SystemSpec } from '../../../contract/api'
import type { NumericOverride } from './useScenarioDraft'

/**
 * A system's own figure behind each per-system override, with its source: the default the
 * Assumptions section shows and resets to (main/sim/assumptions.ts resolves them the same way).
 */
export interface OverrideDefault {
  value: number
  source: string
}

export function overrideDefault(
  system: SystemSpec,
  key: NumericOverride,
  hostLinkModel: Scenario['assumptions']['hostLinkModel'],
  chips: number = system.chipCount?.value ?? 1,
): OverrideDefault | undefined {
  const { chip, execution, interconnect, capacityTier } = system as Partial<SystemSpec>
  switch (key) {
    case 'chips':
      return system.chipCount
    case 'computeEfficiency':
    case 'memoryEfficiency':
      return chip?.[key]
    case 'hostKernelOverhead':
    case 'onChipKernelOverhead':
    case 'stepOverhead':
    case 'sequenceStepOverhead':
    case 'programLoad':
      return execution?.[key]
    case 'hopLatency':
      return interconnect?.hopLatency
    case 'interconnectBandwidth':
      return interconnect?.bandwidth
    case 'copyBandwidth':
      if (!capacityTier) return undefined
      return hostLinkModel === 'paper'
        ? capacityTier.copyBandwidth
        : {
            value: capacityTier.perChipCopyBandwidth.value * chips,
            source: `${chips} × per-chip copy bandwidth: ${capacityTier.perChipCopyBandwidth.source}`,
          }
  }
}
