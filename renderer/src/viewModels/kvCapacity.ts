import { KV_CAPACITY_METRIC_NAMES, METRIC, readMetric, type MetricName, type SystemResult } from '../../../contract/api'
import { usableHbmShare } from '../../../contract/kvCapacityPresentation'
import { formatMetric } from '../format/metrics'
import { formatBytes, formatCount } from '../format/quantities'

/** A column of the KV table: the registry's label and, for the tooltip, its description. */
export interface KvCapacityColumn {
  metric: MetricName
  label: string
  how: string
}

/** One system's KV capacity as the run page shows it. */
export interface KvCapacityRow {
  systemId: string
  systemName: string
  /** HBM left for KV once the weights are in, and the KV bytes of one token. */
  kvBytes: string
  bytesPerToken: string
  /** The registry's KV capacity metrics, formatted in the columns' order. */
  cells: { metric: MetricName; text: string }[]
  /** The workload's batch is past the capacity: the system was refused. */
  refused: boolean
}

export interface KvCapacityTable {
  /** What the table holds and at which workload: the caption. */
  caption: string
  columns: readonly KvCapacityColumn[]
  /** The workload's context (prompt + output tokens) and batch the limits are taken at. */
  contextTokens: number
  batch: number
  /** Share of HBM a stack may fill with weights and KV: one figure, or each system's. */
  usableShare: string
  rows: KvCapacityRow[]
  /** Systems of a result stored before the KV capacity was recorded. */
  unrecorded: string[]
}

export const KV_CAPACITY_COLUMNS: readonly KvCapacityColumn[] = KV_CAPACITY_METRIC_NAMES.map((metric) => ({
  metric,
  label: METRIC[metric].label,
  how: METRIC[metric].description,
}))

/**
 * The KV capacity of each system of a result: what is left of the usable HBM beside the weights,
 * in tokens, as the largest batch at the workload's context and the longest context at its
 * batch. Null where no system has one: a result stored before it was recorded.
 */
export function kvCapacityTable(systems: readonly SystemResult[]): KvCapacityTable | null {
  const recorded = systems.filter((system) => system.memory.kvCapacity !== undefined)
  const first = recorded[0]?.memory
  if (first?.kvCapacity === undefined) return null
  const rows = recorded.map((system): KvCapacityRow => {
    const capacity = system.memory.kvCapacity!
    return {
      systemId: system.systemId,
      systemName: system.systemName,
      kvBytes: formatBytes(capacity.kvBytes),
      bytesPerToken: `${formatCount(capacity.bytesPerToken)} B`,
      cells: KV_CAPACITY_COLUMNS.map(({ metric }) => {
        const value = readMetric(metric, system, undefined)
        return { metric, text: value === null ? '—' : formatMetric(METRIC[metric].unit, value) }
      }),
      refused: capacity.batch > capacity.batchAtContext,
    }
  })
  const { contextTokens, batch } = first.kvCapacity
  const usableShare = usableHbmShare(recorded)
  return {
    caption: `KV capacity per system, at the workload's ${formatCount(contextTokens)}-token context and batch ${batch} (${usableShare} usable; past it a system is refused, as no stack pages KV in the model)`,
    columns: KV_CAPACITY_COLUMNS,
    contextTokens,
    batch,
    usableShare,
    rows,
    unrecorded: systems.filter((system) => system.memory.kvCapacity === undefined).map((system) => system.systemId),
  }
}
