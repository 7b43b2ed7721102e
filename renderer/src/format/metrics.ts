import type { MetricUnit } from '../../../contract/api'
import { formatBytes, formatCount, formatPercent, formatRate, formatRequestRate, formatSeconds } from './quantities'

/** What a metric measures (the registry's unit), which picks how its values and deltas are written. */
export type { MetricUnit }

/** A metric's value with its unit: `129 ms`, `72.5%`, `5,505`. */
export function formatMetric(unit: MetricUnit, value: number): string {
  switch (unit) {
    case 'seconds':
      return formatSeconds(value)
    case 'tokensPerSecond':
      return formatRate(value)
    case 'requestsPerSecond':
      return formatRequestRate(value)
    case 'bytes':
      return formatBytes(value)
    case 'fraction':
      return formatPercent(value)
    case 'calls':
    case 'switches':
    case 'machines':
    case 'requests':
      return formatCount(value)
    case 'tokens':
      return `${formatCount(value)} tokens`
    case 'sequences':
      return `${formatCount(value)} ${value === 1 ? 'sequence' : 'sequences'}`
  }
}

/** A signed difference in the metric's unit; fractions in percentage points: `+12.5 ms`, `−2.0 pp`. */
export function formatDelta(unit: MetricUnit, delta: number): string {
  if (!Number.isFinite(delta)) return '—'
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±'
  const magnitude = Math.abs(delta)
  const text = unit === 'fraction' ? `${(magnitude * 100).toFixed(1)} pp` : formatMetric(unit, magnitude)
  return `${sign}${text}`
}

/** A signed relative change: `+5.2%`, `−50.0%`; `—` where it is undefined (a zero baseline). */
export function formatRelative(relative: number | null): string {
  if (relative === null || !Number.isFinite(relative)) return '—'
  const sign = relative > 0 ? '+' : relative < 0 ? '−' : '±'
  return `${sign}${(Math.abs(relative) * 100).toFixed(1)}%`
}
