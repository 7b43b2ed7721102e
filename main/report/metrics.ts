import {
  METRICS,
  METRIC,
  metricsIn,
  readMetric,
  UNIT_SYMBOLS,
  type MetricName,
  type RunDetailDto,
} from '../../contract/api'
import type { MetricRow } from './types'

// The report rows are the registry's `report` list: call metrics per system, then the footprint
// and the serving metrics per serving run, in registry order.
const REPORTED = metricsIn('report')
const CALL_METRICS = REPORTED.filter((name) => METRIC[name].kind === 'call')
const SERVING_METRICS = REPORTED.filter((name) => METRIC[name].kind !== 'call')

/** The name a report row gives a metric: its registry label. */
export const reportMetric = (name: MetricName): string => METRIC[name].label

const BY_LABEL = new Map(METRICS.map((name) => [METRIC[name].label, name]))

/** Whether a larger value of the row's metric is better (labels are unique in the registry). */
export function higherIsBetter(metric: string): boolean {
  const name = BY_LABEL.get(metric)
  return name !== undefined && METRIC[name].direction === 'higher'
}

/** Every metric of every system of a run that has a finite value, in a fixed order. */
export function runMetrics(run: RunDetailDto): MetricRow[] {
  const rows: MetricRow[] = []
  const label = run.label ?? run.scenarioName
  const push = (system: string, name: MetricName, value: number | null): void => {
    if (value !== null) {
      rows.push({
        runId: run.id,
        label,
        system,
        metric: reportMetric(name),
        value,
        unit: UNIT_SYMBOLS[METRIC[name].unit],
      })
    }
  }
  const serving = run.result?.serving ?? []
  for (const system of run.result?.systems ?? []) {
    const served = serving.find((s) => s.systemId === system.systemId)
    for (const name of CALL_METRICS) push(system.systemId, name, readMetric(name, system, served))
  }
  // The footprint holds even where the system ran out of memory for one machine's worth.
  for (const served of serving) {
    for (const name of SERVING_METRICS) push(served.systemId, name, readMetric(name, undefined, served))
  }
  return rows
}
