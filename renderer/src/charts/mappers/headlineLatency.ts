import type { RunResult } from '../../../../contract/api'

/** The latency a run is judged by, per system: what "faster" means on its result page. */
export interface HeadlineLatency {
  systemId: string
  systemName: string
  /** Seconds, or null when the system has none (out of memory, nothing served). */
  seconds: number | null
  /** Why `seconds` is null. */
  reason: string | null
}

/** What the headline latency is and how it is computed, for labels and tooltips. */
export interface HeadlineBasis {
  serving: boolean
  label: string
  how: string
}

export function headlineBasis(result: Pick<RunResult, 'serving'>): HeadlineBasis {
  return result.serving
    ? {
        serving: true,
        label: 'mean end-to-end latency',
        how: 'mean over completed requests of arrival to last output token, in the serving simulation (docs/MODEL.md §10)',
      }
    : {
        serving: false,
        label: 'total time',
        how: 'prefill + decode of the batch: time to first token plus N − 1 decode steps (docs/MODEL.md §4)',
      }
}

/**
 * Each system's headline latency: in a serving run its mean end-to-end latency over completed
 * requests, else the batch's total time (prefill + decode).
 */
export function headlineLatencies(result: Pick<RunResult, 'systems' | 'serving'>): HeadlineLatency[] {
  if (result.serving)
    return result.serving.map((system) => {
      const base = { systemId: system.systemId, systemName: system.systemName }
      if (system.status !== 'ok') return { ...base, seconds: null, reason: system.message ?? 'out of memory' }
      if (system.requests.completed === 0) return { ...base, seconds: null, reason: 'no request completed' }
      return { ...base, seconds: system.e2e.mean, reason: null }
    })
  return result.systems.map((system) => ({
    systemId: system.systemId,
    systemName: system.systemName,
    seconds: system.metrics?.totalSeconds ?? null,
    reason: system.metrics ? null : (system.message ?? 'out of memory'),
  }))
}
