import type { ImportReportDto, MetricChange, ReplayReportDto } from '../../contract/api'
import { table } from './format'

/** Change rows printed before "… and K more". */
export const MAX_CHANGE_LINES = 40

function value(leaf: MetricChange['original']): string {
  return leaf === null ? '—' : typeof leaf === 'string' ? JSON.stringify(leaf) : String(leaf)
}

/** Signed percent; changes too small for two decimals keep their magnitude visible. */
export function percent(relativeChange: number | null): string {
  if (relativeChange === null) return '—'
  const points = relativeChange * 100
  const sign = points > 0 ? '+' : ''
  return Math.abs(points) >= 0.01 || points === 0
    ? `${sign}${points.toFixed(2)}%`
    : `${sign}${points.toExponential(2)}%`
}

/** Either one line saying the run reproduced, or its changes (at most 40 rows) and their likely causes. */
export function formatReplay(report: ReplayReportDto): string {
  const { original, replay } = report
  const kept = report.keptRunId === null ? [] : [`kept as run #${report.keptRunId}`]
  if (report.reproduced) {
    return [
      `run #${report.runId} reproduced (simulator ${replay.simulatorVersion}, seed ${replay.seed})`,
      ...kept,
    ].join('\n')
  }
  const versions =
    original.simulatorVersion === replay.simulatorVersion
      ? `simulator ${replay.simulatorVersion}`
      : `simulator ${original.simulatorVersion} → ${replay.simulatorVersion}`
  const title =
    report.originalResult === null
      ? `run #${report.runId} has no stored result to compare: replayed afresh (${versions}, seed ${replay.seed})`
      : `run #${report.runId} did not reproduce: ${report.changeCount} change(s) (${versions}, seed ${replay.seed})`
  const shown = report.changes.slice(0, MAX_CHANGE_LINES)
  const rows = shown.map((change) => [
    change.path,
    value(change.original),
    value(change.replay),
    percent(change.relativeChange),
  ])
  const changes = shown.length > 0 ? [table(['metric', 'original', 'replay', 'change'], rows)] : []
  const more = report.changeCount > shown.length ? [`… and ${report.changeCount - shown.length} more`] : []
  const causes = report.causes.map((cause) => `  - ${cause.detail}`)
  return [title, ...changes, ...more, ...(causes.length > 0 ? ['likely causes:', ...causes] : []), ...kept].join('\n')
}

/** The report without the two full results, which `--json` leaves out (use `memwall show` for them). */
export function replayJson(report: ReplayReportDto): Omit<ReplayReportDto, 'originalResult' | 'replayResult'> {
  const { originalResult: _original, replayResult: _replay, ...rest } = report
  return rest
}

export function formatImport(report: ImportReportDto): string {
  const imported = report.imported.map(({ bundleIndex, runId }) => `  bundle run ${bundleIndex} → run #${runId}`)
  const duplicates = report.duplicates.map(
    ({ bundleIndex, existingRunId }) => `  bundle run ${bundleIndex} is already stored as run #${existingRunId}`,
  )
  return [
    `imported ${report.imported.length} run(s)${imported.length > 0 ? ':' : ''}`,
    ...imported,
    ...(duplicates.length > 0 ? [`skipped ${duplicates.length} duplicate(s):`, ...duplicates] : []),
  ].join('\n')
}
