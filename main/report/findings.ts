import { readMetric, type MetricName, type RunDetailDto } from '../../contract/api'
import { byCodePoint } from './format'
import { higherIsBetter, reportMetric, runMetrics } from './metrics'

/** One ratio between two systems of the same run. */
export interface Ratio {
  runId: number
  metric: string
  better: string
  worse: string
  /** How many times better: worse / better for costs, better / worse for rates. */
  factor: number
}

export interface Findings {
  /** The largest speedups in total latency (and serving p99), largest first. */
  speedups: Ratio[]
  /** Machines each system needs to serve every expert (serving runs), as ratios. */
  footprint: Ratio[]
  /** Mean time of one expert switch, as ratios between systems (serving runs with switches). */
  switchTime: Ratio[]
  /** For each system, the metrics (of all runs) where it is the best of its run. */
  wins: { system: string; count: number; metrics: string[] }[]
}

const byFactor = (a: Ratio, b: Ratio): number => b.factor - a.factor || a.runId - b.runId

/** For a run and a per-system cost (lower is better), every pair's ratio with the best system first. */
function pairs(runId: number, metric: string, values: Map<string, number>): Ratio[] {
  const entries = [...values].filter(([, v]) => v > 0)
  const ratios: Ratio[] = []
  for (const [a, va] of entries) {
    for (const [b, vb] of entries) {
      const factor = vb / va
      if (a !== b && factor > 1) ratios.push({ runId, metric, better: a, worse: b, factor })
    }
  }
  return ratios
}

/** One serving-run metric (the footprint, the mean switch time) per system that has it. */
function servingValues(run: RunDetailDto, name: MetricName): Map<string, number> {
  const values = new Map<string, number>()
  for (const serving of run.result?.serving ?? []) {
    const value = readMetric(name, undefined, serving)
    if (value !== null) values.set(serving.systemId, value)
  }
  return values
}

/** The rows whose ratios are the headline speedups. */
const SPEEDUP_METRICS = new Set([reportMetric('totalSeconds'), reportMetric('servingLatencyP99')])

export function findings(runs: readonly RunDetailDto[]): Findings {
  const speedups: Ratio[] = []
  const footprint: Ratio[] = []
  const switchTime: Ratio[] = []
  const wins = new Map<string, string[]>()
  for (const run of runs) {
    const rows = runMetrics(run)
    const metricNames = [...new Set(rows.map((row) => row.metric))]
    for (const metric of metricNames) {
      const values = new Map(rows.filter((row) => row.metric === metric).map((row) => [row.system, row.value]))
      if (SPEEDUP_METRICS.has(metric)) {
        speedups.push(...pairs(run.id, metric, values))
      }
      if (values.size < 2) continue
      const sorted = [...values].sort((a, b) => (higherIsBetter(metric) ? b[1] - a[1] : a[1] - b[1]))
      // A tie is nobody's win.
      if (sorted[0]![1] !== sorted[1]![1]) {
        const list = wins.get(sorted[0]![0]) ?? []
        list.push(`${metric} (run #${run.id})`)
        wins.set(sorted[0]![0], list)
      }
    }
    footprint.push(...pairs(run.id, reportMetric('machinesForExperts'), servingValues(run, 'machinesForExperts')))
    const perSwitch = servingValues(run, 'servingSwitchSeconds')
    switchTime.push(...pairs(run.id, reportMetric('servingSwitchSeconds'), perSwitch))
  }
  return {
    speedups: speedups.sort(byFactor),
    footprint: footprint.sort(byFactor),
    switchTime: switchTime.sort(byFactor),
    wins: [...wins]
      .map(([system, metrics]) => ({ system, count: metrics.length, metrics }))
      .sort((a, b) => b.count - a.count || byCodePoint(a.system, b.system)),
  }
}
