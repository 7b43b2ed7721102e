import type { RunResult } from '../../../../contract/api'

/** One system's mean time to switch an expert into HBM, as its serving simulation measured it. */
export interface SwitchTime {
  systemId: string
  systemName: string
  /** Seconds per switch, or null with `reason`. */
  seconds: number | null
  switches: number
  reason: string | null
}

export const SWITCH_TIME_HOW =
  'switching seconds ÷ switches in the serving simulation; one switch is program load + expert bytes ÷ copy rate (docs/MODEL.md §6, §10)'

/**
 * Mean seconds per expert switch per system: `switching.seconds / switching.count`. Null for a
 * system that ran out of memory or never switched; empty for a run without serving.
 */
export function switchTimes(result: Pick<RunResult, 'serving'>): SwitchTime[] {
  return (result.serving ?? []).map((system) => {
    const base = { systemId: system.systemId, systemName: system.systemName, switches: system.switching.count }
    if (system.status !== 'ok') return { ...base, seconds: null, reason: system.message ?? 'out of memory' }
    if (system.switching.count === 0) return { ...base, seconds: null, reason: 'switched no expert' }
    return { ...base, seconds: system.switching.seconds / system.switching.count, reason: null }
  })
}
