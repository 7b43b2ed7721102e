import type { ResolvedSystem } from '../assumptions'

/**
 * Time to switch a model in: load its programs, then copy its weights from the capacity tier
 * into HBM over the system's copy path (under the scenario's host-link model).
 */
export function switchSeconds(system: ResolvedSystem, modelBytes: number): number {
  return system.programLoad + modelBytes / system.copyBandwidth
}
