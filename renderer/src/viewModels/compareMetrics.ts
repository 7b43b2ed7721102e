import type { RunDetailDto } from '../../../contract/api'
import type { MetricUnit } from '../format/metrics'
import { resultMetrics } from './resultMetrics'

/** A relative change at least this large (either way) is highlighted. */
export const HIGHLIGHT_RELATIVE = 0.05

export interface CompareCell {
  runId: number
  value: number | null
  /** value − baseline value; null on the baseline run or where either is missing. */
  delta: number | null
  /** delta ÷ baseline value; null where undefined (a zero or missing baseline). */
  relative: number | null
  highlight: boolean
}

export interface CompareRow {
  key: string
  systemId: string
  systemName: string
  label: string
  unit: MetricUnit
  how: string
  cells: CompareCell[]
}

function cellFor(runId: number, value: number | null, base: number | null, isBaseline: boolean): CompareCell {
  if (isBaseline || value === null || base === null)
    return { runId, value, delta: null, relative: null, highlight: false }
  const delta = value - base
  const relative = base === 0 ? (delta === 0 ? 0 : null) : delta / base
  const highlight = relative === null ? delta !== 0 : Math.abs(relative) >= HIGHLIGHT_RELATIVE
  return { runId, value, delta, relative, highlight }
}

/**
 * Every metric of every system side by side, one row per (system, metric) in order of first
 * appearance, one cell per run (in the runs' order) with its delta against `baselineRunId`'s
 * value. Runs without a result are left out.
 */
export function compareRows(runs: readonly RunDetailDto[], baselineRunId: number): CompareRow[] {
  const withResult = runs.filter((run) => run.result !== null)
  const rows = new Map<string, Omit<CompareRow, 'cells'>>()
  const values = new Map<number, Map<string, number>>()
  for (const run of withResult) {
    const byKey = new Map<string, number>()
    for (const { value, ...metric } of resultMetrics(run.result!)) {
      const key = `${metric.systemId}:${metric.metric}`
      byKey.set(key, value)
      if (!rows.has(key))
        rows.set(key, {
          key,
          systemId: metric.systemId,
          systemName: metric.systemName,
          label: metric.label,
          unit: metric.unit,
          how: metric.how,
        })
    }
    values.set(run.id, byKey)
  }
  // Group by system (first appearance), keeping each system's metric order (a stable sort).
  const systemOrder = new Map<string, number>()
  for (const row of rows.values()) if (!systemOrder.has(row.systemId)) systemOrder.set(row.systemId, systemOrder.size)
  const ordered = [...rows.values()].sort((a, b) => systemOrder.get(a.systemId)! - systemOrder.get(b.systemId)!)
  return ordered.map((row) => {
    const base = values.get(baselineRunId)?.get(row.key) ?? null
    return {
      ...row,
      cells: withResult.map((run) =>
        cellFor(run.id, values.get(run.id)?.get(row.key) ?? null, base, run.id === baselineRunId),
      ),
    }
  })
}
