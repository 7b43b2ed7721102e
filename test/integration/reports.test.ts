import { existsSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findings } from '../../main/report/findings'
import { formatFactor } from '../../main/report/format'
import { runMetrics } from '../../main/report/metrics'
import { ReportJsonSchema } from '../../main/report/reportSchema'
import { ReportService } from '../../main/services/reportService'
import { PaperService } from '../../main/services/paperService'
import { paperReport } from '../../main/sim/paper/report'
import { paperComparisonCells, paperComparisons } from '../../contract/paperPresentation'
import { escapeHtml } from '../../main/report/format'
import { printWithChromium } from '../../main/report'
import type { RunDetailDto } from '../../contract/api'
import { scenario, tempContainer } from './helpers/tempContainer'

const hasChromium = ['/usr/bin/chromium', process.env.MEMWALL_CHROMIUM].some((path) => path && existsSync(path))
const container = tempContainer()
afterAll(() => container.dispose())

let runs: RunDetailDto[]
let ids: number[]
/** A clock that says what the test tells it to. */
let now = new Date('2026-01-02T03:04:05.000Z')
let reports: ReportService

beforeAll(async () => {
  const call = container.runs.start({
    scenario: scenario('call latency', { systems: ['sn40l-node', 'dgx-h100', 'dgx-a100'] }),
  })
  const serving = container.runs.start({
    scenario: scenario('served', {
      systems: ['sn40l-node', 'dgx-h100'],
      serving: {
        experts: 60,
        requests: 400,
        traffic: { kind: 'poisson', rate: 2 },
        routing: { kind: 'zipf', exponent: 1 },
      },
    }),
    label: 'CoE <served> & co',
  })
  ids = [call.id, serving.id]
  runs = await Promise.all(ids.map((id) => container.runs.waitFor(id)))
  expect(runs.map((run) => run.status)).toEqual(['finished', 'finished'])
  reports = new ReportService(container.store, printWithChromium, () => now)
})

const text = async (format: 'html' | 'csv' | 'json', baselineRunId?: number): Promise<string> =>
  (await reports.comparison({ runIds: ids, format, baselineRunId })).body.toString('utf8')

describe('comparison reports', () => {
  it('HTML: both runs, the speedups, every provenance field, nothing fetched', async () => {
    const html = await text('html')
    for (const id of ids) expect(html).toContain(`#${id}`)
    expect(html).toContain('CoE &lt;served&gt; &amp; co')
    const found = findings(runs)
    expect(found.speedups.length).toBeGreaterThan(0)
    for (const ratio of found.speedups.slice(0, 8)) expect(html).toContain(formatFactor(ratio.factor))
    for (const run of runs) {
      expect(html).toContain(run.scenarioHash)
      expect(html).toContain(run.simulatorVersion)
      for (const assumption of run.result!.assumptions) {
        expect(html).toContain(assumption.name)
      }
    }
    // every hardware constant's source of every system used, HTML-escaped as the page shows it
    const escape = (s: string) =>
      s
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
    expect(html).toContain(escape('ASSUMPTION'))
    expect(html).toContain('Hardware constants')
    expect(html).toMatch(/Memwall Workbench 0\.1\.0/)
    // no network: no src or href attribute at all, no url( in styles, no script
    expect(html).not.toMatch(/\s(src|href)\s*=/i)
    expect(html).not.toMatch(/url\(|<script|@import/i)
  })

  it('CSV: parses back to exactly the runs’ metrics', async () => {
    const rows = parse(await text('csv'), { columns: true }) as Record<string, string>[]
    const expected = runs.flatMap(runMetrics)
    expect(rows).toHaveLength(expected.length)
    rows.forEach((row, i) => {
      const want = expected[i]!
      expect(Number(row.run_id)).toBe(want.runId)
      expect(row.label).toBe(want.label)
      expect(row.system).toBe(want.system)
      expect(row.metric).toBe(want.metric)
      expect(Number(row.value)).toBe(want.value)
      expect(row.unit).toBe(want.unit)
    })
    expect(new Set(rows.map((row) => row.run_id))).toEqual(new Set(ids.map(String)))
  })

  it('JSON: validates against the shipped schema and carries the metrics, findings and provenance', async () => {
    const report = ReportJsonSchema.parse(JSON.parse(await text('json', ids[1])))
    expect(report.kind).toBe('comparison')
    if (report.kind !== 'comparison') return
    expect(report.baselineRunId).toBe(ids[1])
    expect(report.runs.map((run) => run.id)).toEqual(ids)
    expect(report.metrics).toEqual(JSON.parse(JSON.stringify(runs.flatMap(runMetrics))))
    expect(report.runs[0]!.scenarioHash).toBe(runs[0]!.scenarioHash)
    expect(report.systems.map((s) => s.systemId)).toEqual(['dgx-a100', 'dgx-h100', 'sn40l-node'])
    expect(report.systems[0]!.constants.every((c) => c.source.length > 0)).toBe(true)
  })

  it('cites the figures each run ran: one preset on two stacks is two systems', async () => {
    const trt = container.runs.start({
      scenario: scenario('on TensorRT-LLM', {
        systems: ['dgx-a100'],
        systemOverrides: { 'dgx-a100': { stack: 'trtllm-2024' } },
      }),
    })
    expect((await container.runs.waitFor(trt.id)).status).toBe('finished')
    const body = await reports.comparison({ runIds: [ids[0]!, trt.id], format: 'json' })
    const report = ReportJsonSchema.parse(JSON.parse(body.body.toString('utf8')))
    if (report.kind !== 'comparison') throw new Error(report.kind)
    const a100s = report.systems.filter((s) => s.systemId.startsWith('dgx-a100'))
    expect(a100s.map((s) => s.systemId)).toEqual(['dgx-a100', `dgx-a100 (as in run #${trt.id})`])
    // The per-pass cost is each stack's own, fitted on its own rows (the kernels are the chip's).
    const perPass = (s: (typeof a100s)[number]) => s.constants.find((c) => c.path === 'execution.stepOverhead')!.source
    expect(perPass(a100s[0]!)).toContain('NM-A100-7B-TP1-B1')
    expect(perPass(a100s[1]!)).toContain('TR-THR-7B-B256-128-128')
  })

  it('is the same bytes for the same runs, apart from the generation time', async () => {
    const first = await Promise.all((['html', 'csv', 'json'] as const).map((f) => text(f)))
    now = new Date('2027-05-06T07:08:09.000Z')
    const second = await Promise.all((['html', 'csv', 'json'] as const).map((f) => text(f)))
    const strip = (s: string) =>
      s.replaceAll('2026-01-02T03:04:05.000Z', 'T').replaceAll('2027-05-06T07:08:09.000Z', 'T')
    second.forEach((body, i) => expect(strip(body)).toBe(strip(first[i]!)))
    expect(second[0]).not.toBe(first[0])
  })

  it('refuses a run that has not finished and a baseline outside the runs', async () => {
    await expect(reports.comparison({ runIds: [ids[0]!, 9999], format: 'csv' })).rejects.toThrow(
      /run 9999 does not exist/,
    )
    await expect(reports.comparison({ runIds: ids, format: 'csv', baselineRunId: 9999 })).rejects.toThrow(/baseline/)
  })

  it.skipIf(!hasChromium)('PDF: A4 and Letter, whose text holds the same run ids and numbers', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
    for (const pageSize of ['A4', 'Letter'] as const) {
      const pdf = await reports.comparison({ runIds: ids, format: 'pdf', pageSize })
      expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-')
      const document = await getDocument({ data: new Uint8Array(pdf.body) }).promise
      const first = await document.getPage(1)
      const [width, height] = [first.view[2]!, first.view[3]!]
      // A4 is 595 × 842 points, Letter 612 × 792
      expect(Math.abs(width - (pageSize === 'A4' ? 595.3 : 612))).toBeLessThan(1)
      expect(Math.abs(height - (pageSize === 'A4' ? 841.9 : 792))).toBeLessThan(1)
      let all = ''
      for (let p = 1; p <= document.numPages; p++) {
        const content = await (await document.getPage(p)).getTextContent()
        all += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n'
      }
      for (const id of ids) expect(all).toContain(`#${id}`)
      expect(all).toContain(formatFactor(findings(runs).speedups[0]!.factor))
      expect(all.replace(/\s+/g, '')).toContain(runs[0]!.scenarioHash)
    }
  })
})

describe('the paper check report', () => {
  it('renders HTML with each experiment beside the published value, and JSON that validates', async () => {
    const paper = new PaperService(container.pool, printWithChromium, () => now)
    const html = (await paper.export({ format: 'html' })).body.toString('utf8')
    expect(html).toContain('CoE, batch 8, 20 tokens, vs DGX H100')
    expect(html).toContain('3.7×') // the published batch-8 figure beside the simulated one
    expect(html).toContain('410.4')
    expect(html).not.toMatch(/\s(src|href)\s*=/i)
    // Every comparison row of the presentation model, cell for cell as `memwall paper` and the view show it.
    for (const row of paperComparisons(paperReport('paper')))
      expect(html).toContain(
        `<tr>${paperComparisonCells(row)
          .map((cell) => `<td>${escapeHtml(cell)}</td>`)
          .join('')}</tr>`,
      )
    const json = ReportJsonSchema.parse(
      JSON.parse((await paper.export({ format: 'json', hostLinkModel: 'perGpuLinks' })).body.toString()),
    )
    expect(json).toMatchObject({ kind: 'paper', hostLinkModel: 'perGpuLinks', generatedAt: now.toISOString() })
    const rows = parse((await paper.export({ format: 'csv' })).body.toString(), { columns: true }) as Record<
      string,
      string
    >[]
    expect(rows.find((row) => row.metric === 'operational intensity, fullyFused')?.value).toBe(String(410.4))
  })
})

describe('a report of a run with a long trace', () => {
  it('summarises long lists in the appendix instead of printing every item', async () => {
    const { comparisonHtml } = await import('../../main/report/html')
    const arrivals = Array.from({ length: 500 }, (_, i) => ({ time: i, promptTokens: 128, outputTokens: 20 }))
    const traced = {
      ...runs[1]!,
      scenario: {
        ...runs[1]!.scenario,
        serving: { ...runs[1]!.scenario.serving!, traffic: { kind: 'trace', arrivals } },
      },
    } as RunDetailDto
    const html = comparisonHtml({
      title: 't',
      generatedAt: now.toISOString(),
      appVersion: '0.1.0',
      simulatorVersion: 'x',
      runs: [traced],
      baselineRunId: traced.id,
      systems: [],
    })
    expect(html).toContain('[500 items: see the JSON report]')
    expect(html.match(/promptTokens/g)?.length ?? 0).toBeLessThan(10)
  })
})
