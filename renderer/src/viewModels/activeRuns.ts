import type { RunStatus } from '../../../contract/api'

/** One observation of a run's progress: when it was seen (ms, the page's clock) and the fraction done. */
export interface ProgressSample {
  at: number
  progress: number
}

/** Samples kept per run: enough to smooth the rate, few enough to follow a run that speeds up. */
export const MAX_SAMPLES = 20

/** Appends a sample when progress moved forward; repeats and regressions add nothing. */
export function addSample(
  samples: readonly ProgressSample[],
  sample: ProgressSample,
  max = MAX_SAMPLES,
): ProgressSample[] {
  const last = samples[samples.length - 1]
  if (last && sample.progress <= last.progress) return [...samples]
  return [...samples, sample].slice(-max)
}

/**
 * Seconds left at `now`, from the rate between the oldest and newest sample kept, counted down
 * from the newest; null ("estimating…") until two samples show progress over time.
 */
export function estimateRemainingSeconds(samples: readonly ProgressSample[], now: number): number | null {
  if (samples.length < 2) return null
  const first = samples[0]!
  const last = samples[samples.length - 1]!
  const progressed = last.progress - first.progress
  const seconds = (last.at - first.at) / 1000
  if (!(progressed > 0) || !(seconds > 0)) return null
  const remaining = (1 - last.progress) / (progressed / seconds) - (now - last.at) / 1000
  return Math.max(0, remaining)
}

/** Seconds a run has taken: running since it started, queued since it was created. */
export function elapsedSeconds(
  run: { status: RunStatus; createdAt: string; startedAt: string | null },
  now: number,
): number {
  const since = Date.parse((run.status === 'queued' ? null : run.startedAt) ?? run.createdAt)
  return Number.isFinite(since) ? Math.max(0, (now - since) / 1000) : 0
}

/** A clock reading for people: `0:07`, `12:30`, `1:02:03`. */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.round(Number.isFinite(seconds) ? seconds : 0))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const rest = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`
}

/** What the panel says about time left. */
export function remainingLabel(remaining: number | null): string {
  return remaining === null ? 'estimating…' : `~${formatClock(remaining)} left`
}
