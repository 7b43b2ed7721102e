import type { CrossoverDto, MetricSpread, SweepDetailDto, SweepMetricName, SweepPointDto } from '../../contract/api'
import { metricText, table } from './format'

/** The columns a sweep prints per system: total latency, or for serving, P99 and machines. */
function columnsOf(sweep: SweepDetailDto): { metric: SweepMetricName; label: string }[] {
  return sweep.scenario.serving
    ? [
        { metric: 'servingLatencyP99', label: 'p99' },
        { metric: 'machinesForExperts', label: 'machines' },
      ]
    : [{ metric: 'totalSeconds', label: 'total' }]
}

function cell(metric: SweepMetricName, spread: MetricSpread | null | undefined, seeds: number): string {
  if (!spread) return '—'
  const show = (value: number): string => metricText(metric, value)
  return seeds > 1 && spread.p5 !== spread.p95
    ? `${show(spread.p50)} (${show(spread.p5)}–${show(spread.p95)})`
    : show(spread.p50)
}

function systemsOf(sweep: SweepDetailDto): string[] {
  const seen = new Set(sweep.scenario.systems)
  for (const point of sweep.pointsData) for (const id of Object.keys(point.metrics)) seen.add(id)
  return [...seen]
}

/** One row per point run here: its axis values, then each system's columns. */
function pointTable(sweep: SweepDetailDto, points: SweepPointDto[]): string {
  const columns = columnsOf(sweep)
  const systems = systemsOf(sweep)
  const header = [
    '#',
    ...sweep.axes.map((axis) => axis.path),
    ...systems.flatMap((id) => columns.map((c) => `${id} ${c.label}`)),
  ]
  const rows = points.map((point) => [
    String(point.index),
    ...point.values.map(String),
    ...(point.status === 'failed'
      ? [`failed: ${point.error ?? ''}`]
      : systems.flatMap((id) => columns.map((c) => cell(c.metric, point.metrics[id]?.[c.metric], sweep.seeds)))),
  ])
  return table(header, rows)
}

/** Steps per system on one line each: "dgx-h100 needs 2 machines above 40 experts, 3 above 90, …". */
function stepLines(steps: CrossoverDto[]): string[] {
  const lines = new Map<string, string[]>()
  for (const step of steps) {
    const key = `${step.systems[0]}|${step.metric}|${String(step.at)}`
    const parts = lines.get(key)
    if (!parts) lines.set(key, [step.description])
    else parts.push(step.description.replace(/^\S+ needs (\S+) \S+ above (\S+) .*$/, '$1 above $2'))
  }
  return [...lines.values()].map((parts) => {
    if (parts.length === 1) return `  ${parts[0]}`
    const [first = '', ...rest] = parts
    const where = /\(([^)]*)\)$/.exec(first)?.[0] ?? ''
    return `  ${first.replace(` ${where}`, '')}, then ${rest.join(', ')} ${where}`
  })
}

/** The crossovers: every step, and the overtakes of the metrics the table shows. */
function crossoverText(sweep: SweepDetailDto): string {
  const shown = new Set<string>(columnsOf(sweep).map((c) => c.metric))
  const steps = sweep.crossovers.filter((c) => c.kind === 'step')
  const overtakes = sweep.crossovers.filter((c) => c.kind === 'overtake')
  const listed = overtakes.filter((c) => shown.has(c.metric))
  const lines = [
    steps.length > 0 ? 'steps:' : 'steps: none',
    ...stepLines(steps),
    listed.length > 0 ? 'overtakes:' : 'overtakes: none in the columns above',
    ...listed.map((c) => `  ${c.description}`),
  ]
  const others = overtakes.length - listed.length
  if (others > 0) lines.push(`  (${others} more in other metrics: --json lists every crossover)`)
  return lines.join('\n')
}

/** The sweep's title, its points, and its crossovers, as `memwall sweep` prints them. */
export function formatSweepDetail(sweep: SweepDetailDto, indices: ReadonlySet<number> | null): string {
  const points = sweep.pointsData.filter(
    (point) => point.status !== 'pending' && (!indices || indices.has(point.index)),
  )
  const title =
    `sweep ${sweep.id} ${sweep.status}: "${sweep.scenarioName}"${sweep.label ? ` [${sweep.label}]` : ''} — ` +
    `${sweep.points} point(s), ${sweep.done} done, ${sweep.failed} failed, ${sweep.seeds} seed(s) each` +
    (sweep.error ? ` (${sweep.error})` : '')
  const footer = `sweep hash ${sweep.sweepHash.slice(0, 12)}…, simulator ${sweep.simulatorVersion}`
  return [title, pointTable(sweep, points), '', crossoverText(sweep), footer].join('\n')
}
