import { applyStack, OVERRIDABLE_FIGURE, type Scenario, type StackId, type SystemSpec } from '../../../contract/api'
import type { NumericOverride } from '../composables/useScenarioDraft'

/**
 * A system's own figure behind each per-system override, with its source: the default the
 * Assumptions section shows and resets to, read with the core's own table (the ledger's default),
 * on the stack the form has chosen for it (its software figures are the stack's).
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
  stack?: StackId,
): OverrideDefault | undefined {
  // A custom system the user is still typing may lack the fields a default is read from, and a
  // stack may have no figures for its chip (the form shows the scenario's error for that).
  try {
    const preset: Partial<OverrideDefault> | undefined = OVERRIDABLE_FIGURE[key].preset(applyStack(system, stack), {
      hostLinkModel,
      chips,
    })
    const { value, source } = preset ?? {}
    return typeof value === 'number' && typeof source === 'string' ? { value, source } : undefined
  } catch {
    return undefined
  }
}
