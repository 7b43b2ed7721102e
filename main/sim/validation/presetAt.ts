import { resolveSpec, type ResolvedSystem } from '../assumptions'
import { SYSTEM_PRESETS } from '../hardware/presets'
import type { SystemSpec } from '../hardware/schema'
import { ownEntry } from '../own'

/**
 * A preset on its default stack with `chips` of its chips, as the kernel-level checks compare
 * it: a string says why there is none (not a preset, too few chips).
 */
export function presetAt(system: string, chips: number): ResolvedSystem | string {
  const spec = ownEntry<SystemSpec>(SYSTEM_PRESETS, system)
  if (spec === undefined) return `system "${system}" is not a preset`
  if (chips > spec.chipCount.value) return `${system} has ${spec.chipCount.value} chips, not ${chips}`
  return resolveSpec(spec, { assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' } }, { chips })
}
