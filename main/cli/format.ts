import type { PresetsDto, RunDetailDto, RunSummaryDto, ServingSystemResult, SweepSummary } from '../../contract/api'

export function seconds(value: number): string {
  if (value < 1e-3) return `${(value * 1e6).toFixed(1)} µs`
  if (value < 1) return `${(value * 1e3).toFixed(2)} ms`
  return `${value.toFixed(3)} s`
}

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
  const title = `run ${run.id} ${run.status}: "${run.scenarioName}"${run.label ? ` [${run.label}]` : ''} — ${workload.model}, batch ${workload.batch}, ${workload.promptTokens} in / ${workload.outputTokens} out`
  if (!run.result) return `${title}\n${run.error ?? ''}`.trimEnd()
  const rows = run.result.systems.map((system) =>
    system.metrics
      ? [
          system.systemId,
          seconds(system.metrics.timeToFirstTokenSeconds),
          seconds(system.metrics.timePerOutputTokenSeconds),
          seconds(system.metrics.totalSeconds),
          system.metrics.outputTokensPerSecond.toFixed(1),
        ]
      : [system.systemId, system.message ?? system.status, '', '', ''],
  )
  const { provenance } = run.result
  const serving = run.result.serving ? ['', formatServing(run.result.serving)] : []
  const sweep = run.result.sweep ? ['', formatSweep(run.result.sweep)] : []
  const footer = `simulator ${provenance.simulatorVersion}, seed ${provenance.seed}, scenario ${provenance.scenarioHash.slice(0, 12)}, ${seconds(provenance.wallSeconds)} wall`
  return [title, table(['system', 'TTFT', 'TPOT', 'total', 'tokens/s'], rows), ...serving, ...sweep, footer].join('\n')
}

/** The CoE serving simulation, one row per system. */
function formatServing(serving: ServingSystemResult[]): string {
  const percent = (value: number): string => `${(value * 100).toFixed(1)}%`
  const rows = serving.map((s) =>
    s.status === 'ok'
      ? [
          s.systemId,
          `${s.requests.completed}/${s.requests.arrived}`,
          s.throughput.requestsPerSecond.toFixed(2),
          seconds(s.ttft.p50),
          seconds(s.e2e.p50),
          seconds(s.e2e.p99),
          percent(s.hitRate),
          percent(s.switching.shareOfBusy),
          percent(s.utilisation),
        ]
      : [s.systemId, s.message ?? s.status, '', '', '', '', '', '', ''],
  )
  const header = [
    'serving',
    'completed',
    'req/s',
    'TTFT p50',
    'latency p50',
    'latency p99',
    'HBM hits',
    'switching',
    'busy',
  ]
  return table(header, rows)
}

/** Each serving metric's spread over the seeds of a sweep. */
function formatSweep(sweep: SweepSummary): string {
  const rows = sweep.systems.flatMap((system) =>
    Object.entries(system.metrics).map(([metric, spread]) => [
      system.systemId,
      metric,
      spread.p5.toPrecision(4),
      spread.p50.toPrecision(4),
      spread.p95.toPrecision(4),
    ]),
  )
  return table([`sweep over ${sweep.seeds.length} seeds`, 'metric', 'P5', 'median', 'P95'], rows)
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
    table(['id', 'name', 'chips', 'BF16 per chip', 'HBM per chip'], systems),
    '',
    'models',
    table(['id', 'name', 'parameters', 'layers', 'context'], models),
  ].join('\n')
}
