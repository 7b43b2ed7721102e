import {
  METRIC,
  metricsIn,
  readMetric,
  type MetricName,
  type RunResult,
  type ServingSystemResult,
  type SystemResult,
} from '../../../contract/api'
import type { MetricUnit } from '../format/metrics'

/** One metric of one system in a result: the row a compare table lines up across runs. */
export interface MetricValue {
  systemId: string
  systemName: string
  metric: MetricName
  label: string
  unit: MetricUnit
  /** How it is computed, for the tooltip. */
  how: string
  value: number
}

// The registry's `result` list: the model's metrics per system, then the serving run's.
const SHOWN = metricsIn('result')
const CALL_METRICS = SHOWN.filter((name) => METRIC[name].kind === 'call')
const SERVING_METRICS = SHOWN.filter((name) => METRIC[name].kind !== 'call')

function collect<S extends SystemResult | ServingSystemResult>(
  systems: readonly S[],
  names: readonly MetricName[],
  read: (name: MetricName, system: S) => number | null,
): MetricValue[] {
  return systems.flatMap((system) =>
    system.status === 'ok'
      ? names.flatMap((metric) => {
          const value = read(metric, system)
          const { label, unit, description } = METRIC[metric]
          return value === null
            ? []
            : [
                {
                  systemId: system.systemId,
                  systemName: system.systemName,
                  metric,
                  label,
                  unit,
                  how: description,
                  value,
                },
              ]
        })
      : [],
  )
}

/**
 * Every numeric metric of a result, per system: the performance model's times, breakdown, calls
 * and memory, and, for a serving run, its latencies, throughput, hit rate, switching and queue.
 * Systems out of memory contribute nothing (their row then shows no value).
 */
export function resultMetrics(result: RunResult): MetricValue[] {
  const model = collect(result.systems, CALL_METRICS, (name, system) => readMetric(name, system, undefined))
  const serving = collect(result.serving ?? [], SERVING_METRICS, (name, system) => readMetric(name, undefined, system))
  return [...model, ...serving]
}
