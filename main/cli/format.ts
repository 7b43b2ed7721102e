import {
  KV_CAPACITY_METRIC_NAMES,
  METRIC,
  PRECISION,
  readMetric,
  supportedPrecisions,
  type MetricName,
  type PresetsDto,
  type RunDetailDto,
  type RunSummaryDto,
  type SeedSpread,
  type ServingSystemResult,
  type SystemResult,
} from '../../contract/api'
import { speculativeTable } from '../../contract/speculativePresentation'
import { stackLabel } from '../../contract/validationPresentation'
import { usableHbmShare } from '../../contract/kvCapacityPresentation'

export function seconds(value: number): string {
  if (value < 1e-3) return `${(value * 1e6).toFixed(1)} µs`
  if (value < 1) return `${(value * 1e3).toFixed(2)} ms`
  return `${value.toFixed(3)} s`
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`

/** A metric's value as the CLI's tables write it, by its registry unit. */
export function metricText(name: MetricName, value: number): string {
  switch (METRIC[name].unit) {
    case 'seconds':
      return seconds(value)
    case 'fraction':
      return percent(value)
    case 'tokensPerSecond':
      return value.toFixed(1)
    case 'requestsPerSecond':
      return value.toFixed(2)
    case 'bytes':
      return `${(value / 1e9).toFixed(2)} GB`
    default:
      return String(value)
  }
}

/** A registry metric under a header short enough for a terminal. */
type Column = readonly [metric: MetricName, header: string]

const CALL_COLUMNS: readonly Column[] = [
  ['timeToFirstTokenSeconds', 'TTFT'],
  ['timePerOutputTokenSeconds', 'TPOT'],
  ['totalSeconds', 'total'],
  ['outputTokensPerSecond', 'tokens/s'],
]

const SERVING_COLUMNS: readonly Column[] = [
  ['servingRequestsPerSecond', 'req/s'],
  ['servingTtftP50', 'TTFT p50'],
  ['servingLatencyP50', 'latency p50'],
  ['servingLatencyP99', 'latency p99'],
  ['servingHitRate', 'HBM hits'],
  ['servingSwitchShare', 'switching'],
  ['servingUtilisation', 'busy'],
]

const cell = (name: MetricName, value: number | null): string => (value === null ? '—' : metricText(name, value))
const blanks = (columns: readonly Column[]): string[] => columns.map(() => '')

/** Left-aligned columns separated by two spaces. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)].join('\n')
}

export function formatRunDetail(run: RunDetailDto): string {
  const { workload } = run.scenario
  // Runs stored before precision existed were all BF16.
  const precision = PRECISION[workload.precision ?? 'bf16'].label
  const title = `run ${run.id} ${run.status}: "${run.scenarioName}"${run.label ? ` [${run.label}]` : ''} — ${workload.model}, batch ${workload.batch}, ${workload.promptTokens} in / ${workload.outputTokens} out, ${precision}`
  if (!run.result) return `${title}\n${run.error ?? ''}`.trimEnd()
  // The stack each system ran: results stored before simulator 0.4.0 did not record one.
  const stack = (system: SystemResult): string =>
    system.stackId === undefined ? 'not recorded' : stackLabel(system.stackId)
  const rows = run.result.systems.map((system) =>
    system.metrics
      ? [
          system.systemId,
          stack(system),
          ...CALL_COLUMNS.map(([name]) => cell(name, readMetric(name, system, undefined))),
        ]
      : [
          system.systemId,
          stack(system),
          system.status === 'outOfMemory' ? 'out of memory' : system.status,
          ...blanks(CALL_COLUMNS.slice(1)),
        ],
  )
  // The reasons under the table, so that a long one does not widen every row's column.
  const reasons = run.result.systems.flatMap((system) =>
    system.metrics || system.message === null ? [] : [`${system.systemId}: ${system.message}`],
  )
  const kv = formatKvCapacity(run.result.systems)
  const speculative = formatSpeculative(run.result.systems)
  const { provenance } = run.result
  const serving = run.result.serving ? ['', formatServing(run.result.serving)] : []
  const spread = run.result.seedSpread ? ['', formatSeedSpread(run.result.seedSpread)] : []
  const footer = `simulator ${provenance.simulatorVersion}, seed ${provenance.seed}, scenario ${provenance.scenarioHash.slice(0, 12)}, ${seconds(provenance.wallSeconds)} wall`
  const header = ['system', 'stack', ...CALL_COLUMNS.map(([, title]) => title)]
  return [title, table(header, rows), ...reasons, ...kv, ...speculative, ...serving, ...spread, footer].join('\n')
}

/**
 * How much KV cache fits beside the weights on each system (docs/MODEL.md §4), under the
 * registry's labels; nothing for a result stored before the KV capacity was recorded.
 */
function formatKvCapacity(systems: SystemResult[]): string[] {
  const recorded = systems.filter((system) => system.memory.kvCapacity !== undefined)
  const first = recorded[0]?.memory
  if (first?.kvCapacity === undefined) return []
  const { contextTokens, batch } = first.kvCapacity
  const rows = recorded.map((system) => [
    system.systemId,
    ...KV_CAPACITY_METRIC_NAMES.map((name) => cell(name, readMetric(name, system, undefined))),
  ])
  return [
    '',
    `KV capacity beside the weights in ${usableHbmShare(recorded)}, at the workload's context of ${contextTokens} tokens and batch ${batch}:`,
    table(['system', ...KV_CAPACITY_METRIC_NAMES.map((name) => METRIC[name].label)], rows),
  ]
}

/** The draft's and the target's share of time where the workload decoded speculatively; nothing otherwise. */
function formatSpeculative(systems: SystemResult[]): string[] {
  const shown = speculativeTable(systems)
  if (shown === null) return []
  const header = ['system', ...shown.columns.map((column) => column.header)]
  return [
    '',
    `${shown.caption}:`,
    table(
      header,
      shown.rows.map((row) => [row.systemId, ...row.cells]),
    ),
  ]
}

/** The CoE serving simulation, one row per system. */
function formatServing(serving: ServingSystemResult[]): string {
  const rows = serving.map((s) =>
    s.status === 'ok'
      ? [
          s.systemId,
          `${s.requests.completed}/${s.requests.arrived}`,
          ...SERVING_COLUMNS.map(([name]) => cell(name, readMetric(name, undefined, s))),
        ]
      : [s.systemId, s.message ?? s.status, ...blanks(SERVING_COLUMNS)],
  )
  return table(['serving', 'completed', ...SERVING_COLUMNS.map(([, title]) => title)], rows)
}

/** Each seed-spread metric's P5, median and P95 over the seeds of the run. */
function formatSeedSpread(spread: SeedSpread): string {
  const show = (value: number | undefined): string => (value === undefined ? '—' : value.toPrecision(4))
  const rows = spread.systems.flatMap((system) =>
    Object.entries(system.metrics).map(([metric, values]) => [
      system.systemId,
      metric,
      show(values?.p5),
      show(values?.p50),
      show(values?.p95),
    ]),
  )
  return table([`spread over ${spread.seeds.length} seeds`, 'metric', 'P5', 'median', 'P95'], rows)
}

export function formatRunList(runs: RunSummaryDto[]): string {
  if (runs.length === 0) return 'no runs yet: try `memwall run resources/scenarios/llama2-7b-chatbot.json`'
  const rows = runs.map((run) => [
    String(run.id),
    run.status,
    run.createdAt.replace('T', ' ').slice(0, 19),
    run.scenarioName,
    run.label ?? '',
    run.systems.join(','),
  ])
  return table(['id', 'status', 'created', 'scenario', 'label', 'systems'], rows)
}

export function formatPresets(presets: PresetsDto): string {
  const systems = presets.systems.map((s) => [
    s.id,
    s.name,
    String(s.chipCount.value),
    `${(s.chip.peakFlops.value / 1e12).toFixed(0)} TFLOP/s`,
    `${(s.chip.hbmBytes.value / 1e9).toFixed(0)} GB @ ${(s.chip.hbmBandwidth.value / 1e12).toFixed(2)} TB/s`,
    supportedPrecisions(s.chip).join(','),
  ])
  const models = presets.models.map((m) => [
    m.id,
    m.name,
    `${(m.parameters / 1e9).toFixed(2)} B`,
    String(m.layers.value),
    String(m.contextWindow.value),
  ])
  return [
    'systems',
    table(['id', 'name', 'chips', 'BF16 per chip', 'HBM per chip', 'precisions'], systems),
    '',
    'models',
    table(['id', 'name', 'parameters', 'layers', 'context'], models),
  ].join('\n')
}
