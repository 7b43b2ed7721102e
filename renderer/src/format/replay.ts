import type { MetricChange, ReplayReportDto } from '../../../contract/api'

/** The verdict of a replay in a few words: "Reproduced" or "Differs: 3 metrics changed". */
export function replayVerdict(report: Pick<ReplayReportDto, 'reproduced' | 'changeCount'>): string {
  if (report.reproduced) return 'Reproduced'
  const count = report.changeCount.toLocaleString('en-US')
  return `Differs: ${count} ${report.changeCount === 1 ? 'metric' : 'metrics'} changed`
}

/** A stored or replayed metric: numbers to six significant digits, null as a dash. */
export function formatMetricValue(value: MetricChange['original']): string {
  if (value === null) return '—'
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value)
  return String(value)
}

/** A relative change as a signed percentage, `+12.5%`, `−0.031%`; a dash when there is none. */
export function formatRelativeChange(change: number | null): string {
  if (change === null || !Number.isFinite(change)) return '—'
  const percent = Number((change * 100).toPrecision(3))
  if (percent === 0) return '0%'
  return `${percent > 0 ? '+' : '−'}${Math.abs(percent)}%`
}
