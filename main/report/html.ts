import { readMetric, type RunDetailDto } from '../../contract/api'
import { SPECULATIVE_CAPTION, speculativeTable } from '../../contract/speculativePresentation'
import { findings, type Ratio } from './findings'
import { escapeHtml, formatChange, formatFactor, formatValue } from './format'
import { page, section, table } from './htmlLayout'
import { reportMetric, runMetrics } from './metrics'
import { barChartSvg } from './svgChart'
import type { ComparisonInput, MetricRow } from './types'

const runName = (run: RunDetailDto): string => `#${run.id} ${run.label ?? run.scenarioName}`

function ratioLine(ratio: Ratio, what: string): string {
  return `${escapeHtml(ratio.better)} ${what} ${escapeHtml(ratio.worse)} by ${formatFactor(ratio.factor)} — ${escapeHtml(ratio.metric)}, run #${ratio.runId}`
}

function summary(input: ComparisonInput): string {
  const found = findings(input.runs)
  const list = (items: string[], empty: string): string =>
    items.length === 0 ? `<p class="muted">${empty}</p>` : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`
  return section(
    'Summary of findings',
    `<h3>Largest speedups</h3>${list(
      found.speedups.slice(0, 8).map((r) => ratioLine(r, 'is faster than')),
      'No run compares two systems that both finished.',
    )}<h3>Footprint</h3>${list(
      found.footprint.slice(0, 6).map((r) => ratioLine(r, 'needs fewer nodes than')),
      'No serving run where the systems need different numbers of machines for the experts.',
    )}<h3>Model-switch time</h3>${list(
      found.switchTime.slice(0, 6).map((r) => ratioLine(r, 'switches experts faster than')),
      'No serving run switched experts on two systems.',
    )}<h3>Where each system wins</h3>${list(
      found.wins.map(
        (w) =>
          `<strong>${escapeHtml(w.system)}</strong>: best in ${w.count} metric(s) — ${escapeHtml(w.metrics.join('; '))}`,
      ),
      'No metric has a single best system.',
    )}`,
  )
}

function runsOverview(input: ComparisonInput): string {
  const rows = input.runs.map((run) => [
    `#${run.id}${run.id === input.baselineRunId ? ' (baseline)' : ''}`,
    escapeHtml(run.label ?? ''),
    escapeHtml(run.scenarioName),
    escapeHtml(run.systems.join(', ')),
    escapeHtml(run.model),
    String(run.seed) + (run.seeds > 1 ? ` (+${run.seeds - 1} more)` : ''),
    escapeHtml(run.status),
  ])
  return section('Runs', table(['run', 'label', 'scenario', 'systems', 'model', 'seed', 'status'], rows))
}

/** Every metric per system, one column per run, deltas against the baseline run. */
function comparisonTable(input: ComparisonInput, rows: MetricRow[]): string {
  const key = (row: MetricRow): string => `${row.system}\u0000${row.metric}`
  const byRun = new Map(input.runs.map((run) => [run.id, new Map<string, MetricRow>()]))
  for (const row of rows) byRun.get(row.runId)!.set(key(row), row)
  const keys = [...new Set(rows.map(key))]
  const baseline = byRun.get(input.baselineRunId)!
  const header = ['system', 'metric', ...input.runs.map((run) => escapeHtml(runName(run)))]
  const body = keys.map((k) => {
    const [system, metric] = k.split('\u0000') as [string, string]
    const base = baseline.get(k)
    return [
      escapeHtml(system),
      escapeHtml(metric),
      ...input.runs.map((run) => {
        const row = byRun.get(run.id)!.get(k)
        if (!row) return '<span class="muted">—</span>'
        const value = formatValue(row.value, row.unit)
        if (run.id === input.baselineRunId || !base || base.value === 0) return value
        const change = (row.value - base.value) / Math.abs(base.value)
        const mark = Math.abs(change) >= 0.05 ? ' class="delta big"' : ' class="delta"'
        return `${value} <span${mark}>${formatChange(change)}</span>`
      }),
    ]
  })
  return section(
    'Comparison',
    `<p class="muted">Deltas are relative to the baseline run; those of 5 % or more are marked.</p>${table(header, body)}`,
  )
}

function charts(input: ComparisonInput, rows: MetricRow[]): string {
  const systems = [...new Set(rows.map((row) => row.system))]
  const chart = (metric: string, title: string, unit: string): string => {
    const series = input.runs.map((run) => ({
      name: runName(run),
      values: systems.map(
        (system) => rows.find((r) => r.runId === run.id && r.system === system && r.metric === metric)?.value ?? null,
      ),
    }))
    if (series.every((s) => s.values.every((v) => v === null))) return ''
    return `<figure>${barChartSvg({ title, unit, categories: systems, series })}</figure>`
  }
  // Speedup of each system over the slowest system of its run.
  const speedup = input.runs.map((run) => {
    const totals = rows.filter((r) => r.runId === run.id && r.metric === reportMetric('totalSeconds'))
    const slowest = Math.max(...totals.map((r) => r.value))
    return {
      name: runName(run),
      values: systems.map((system) => {
        const row = totals.find((r) => r.system === system)
        return row ? slowest / row.value : null
      }),
    }
  })
  const switchSeries = input.runs.map((run) => ({
    name: runName(run),
    values: systems.map((system) =>
      readMetric(
        'servingSwitchSeconds',
        undefined,
        run.result?.serving?.find((x) => x.systemId === system),
      ),
    ),
  }))
  const parts = [
    chart(reportMetric('totalSeconds'), 'Total latency per system', 's'),
    speedup.some((s) => s.values.some((v) => v !== null))
      ? `<figure>${barChartSvg({ title: 'Speedup over the slowest system of each run', unit: '×', categories: systems, series: speedup })}</figure>`
      : '',
    chart(reportMetric('servingLatencyP99'), 'Serving: end-to-end latency p99', 's'),
    switchSeries.some((s) => s.values.some((v) => v !== null))
      ? `<figure>${barChartSvg({ title: 'Mean time of one expert switch', unit: 's', categories: systems, series: switchSeries })}</figure>`
      : '',
    chart(reportMetric('machinesForExperts'), 'Machines to serve every expert (footprint)', 'machines'),
  ]
  return section('Charts', parts.filter((p) => p !== '').join(''))
}

/** Each run that decoded speculatively: how its time splits between the draft and the target. */
function speculative(input: ComparisonInput): string {
  const parts = input.runs.flatMap((run) => {
    const shown = speculativeTable(run.result?.systems ?? [])
    if (shown === null) return []
    const header = ['system', ...shown.columns.map((column) => escapeHtml(column.header))]
    const rows = shown.rows.map((row) => [escapeHtml(row.systemId), ...row.cells.map(escapeHtml)])
    return [`<h3>${escapeHtml(runName(run))}</h3>${table(header, rows)}`]
  })
  if (parts.length === 0) return ''
  return section('Speculative decoding', `<p class="muted">${escapeHtml(SPECULATIVE_CAPTION)}.</p>${parts.join('')}`)
}

/** Lists longer than this (a trace's 2 million requests) show as their length, not their items. */
const LONGEST_LIST = 20

/** The scenario as the appendix prints it: long lists summarised (the JSON report keeps them whole). */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.length > LONGEST_LIST ? `[${value.length} items: see the JSON report]` : value.map(compact)
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, compact(child)]))
  }
  return value
}

function flatten(value: unknown, path: string, out: [string, string][]): void {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) out.push([path, JSON.stringify(value)])
    else value.forEach((v, i) => flatten(v, `${path}[${i}]`, out))
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out)
  } else {
    out.push([path, JSON.stringify(value)])
  }
}

function provenance(input: ComparisonInput): string {
  const perRun = input.runs.map((run) => {
    const fields: [string, string][] = []
    const scenario = compact(run.scenario)
    flatten(scenario, '', fields)
    const assumptions = (run.result?.assumptions ?? []).map((a) => [
      escapeHtml(a.name),
      escapeHtml(JSON.stringify(a.value)),
      a.overridden ? 'overridden' : 'default',
      escapeHtml(a.source),
    ])
    return `<h3>${escapeHtml(runName(run))}</h3>${table(
      ['field', 'value'],
      [
        ['simulator version', escapeHtml(run.simulatorVersion)],
        ['scenario hash', `<code>${escapeHtml(run.scenarioHash)}</code>`],
        ['seed', String(run.seed)],
        ['seeds', String(run.seeds)],
        ['created', escapeHtml(run.createdAt)],
        ['finished', escapeHtml(run.finishedAt ?? '—')],
      ],
    )}<h4>Scenario</h4>${table(
      ['field', 'value'],
      fields.map(([k, v]) => [escapeHtml(k), escapeHtml(v)]),
    )}<pre>${escapeHtml(JSON.stringify(scenario, null, 2))}</pre><h4>Assumptions</h4>${table(
      ['name', 'value', 'set', 'source'],
      assumptions,
    )}`
  })
  const constants = input.systems.map(
    (system) =>
      `<h3>${escapeHtml(system.name)} (${escapeHtml(system.systemId)})</h3>${table(
        ['constant', 'value', 'source'],
        system.constants.map((c) => [escapeHtml(c.path), escapeHtml(String(c.value)), escapeHtml(c.source)]),
      )}`,
  )
  return section(
    'Appendix: provenance',
    `${table(
      ['', ''],
      [
        ['Memwall Workbench', escapeHtml(input.appVersion)],
        ['simulator', escapeHtml(input.simulatorVersion)],
        ['generated', escapeHtml(input.generatedAt)],
      ],
    )}${perRun.join('')}<h3>Hardware constants</h3>${constants.join('')}`,
  )
}

/** The comparison as one self-contained HTML page: inline styles and SVG, nothing fetched. */
export function comparisonHtml(input: ComparisonInput): string {
  const rows = input.runs.flatMap(runMetrics)
  return page(
    input,
    [
      summary(input),
      runsOverview(input),
      comparisonTable(input, rows),
      speculative(input),
      charts(input, rows),
      provenance(input),
    ].join(''),
  )
}
