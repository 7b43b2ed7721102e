import { parse } from 'csv-parse/sync'
import { describe, expect, it, vi } from 'vitest'
import type { ErrorSummary, ValidationReport, ValidationRowResult } from '../../../../contract/api'
import { renderValidation, type RenderOptions, type ValidationInput } from '../../../../main/report'
import { VALIDATION_CSV_COLUMNS, validationCsv } from '../../../../main/report/csv'
import { validationJson } from '../../../../main/report/json'
import { formatValidationError, formatValidationValue } from '../../../../contract/validationPresentation'
import { formatValidation } from '../../../../main/cli/validateFormat'
import { logScatterSvg } from '../../../../main/report/svgScatter'
import { validationHtml } from '../../../../main/report/validationHtml'

const SCRIPT_REASON = 'FP8 <script>alert(1)</script> is not modelled'

function row(fields: Partial<ValidationRowResult> & Pick<ValidationRowResult, 'id'>): ValidationRowResult {
  return {
    stack: 'nemo-2023',
    split: 'fit',
    metric: 'e2eSeconds',
    measured: 1,
    simulated: 1,
    error: 0,
    status: 'ok',
    reason: null,
    hardware: 'dgx-h100',
    chips: 8,
    chipChanged: false,
    model: 'llama2-7b',
    batch: 1,
    promptTokens: 128,
    outputTokens: 20,
    configuration: 'llama2-7b, 1 × 128 → 20 tokens, 8 chips, fp16',
    caveat: null,
    source: 'https://example.org/a-rather-long-source-url/with/a/path?and=query',
    ...fields,
  }
}

// Hand-written: errors are simulated / measured − 1 (0.25 / 0.2 − 1 = +0.25, 900 / 1000 − 1 = −0.1,
// 19 / 20 − 1 = −0.05), the summaries below follow from them.
const rows: ValidationRowResult[] = [
  row({ id: 'e2e-h100-nemo', measured: 0.2, simulated: 0.25, error: 0.25, caveat: 'Measured at batch 1.' }),
  row({
    id: 'tps-mi300x-vllm',
    stack: 'vllm-rocm-2024',
    split: 'check',
    metric: 'outputTokensPerSecondPerChip',
    measured: 1000,
    simulated: 900,
    error: -0.1,
    hardware: 'mi300x',
    chips: 1,
  }),
  row({
    id: 'ttft-odd',
    stack: 'my-stack',
    split: 'check',
    metric: 'ttftSeconds',
    measured: 0.05,
    simulated: null,
    error: null,
    status: 'unsupported',
    reason: SCRIPT_REASON,
    hardware: 'mi300x',
    chips: 1,
  }),
  row({
    id: 'copy-h100',
    metric: 'hostToChipCopyBytesPerSecond',
    measured: 2e10,
    simulated: 1.9e10,
    error: -0.05,
    chips: 1,
    configuration: '1 chip, host to chip',
  }),
]

const summary = (
  count: number,
  scored: number,
  median: number | null,
  max: number | null,
  worst: string | null,
): ErrorSummary => ({
  rows: count,
  scored,
  unsupported: count - scored,
  medianAbsError: median,
  maxAbsError: max,
  worst,
})

const report: ValidationReport = {
  simulatorVersion: '9.9.9',
  measurements: 'resources/validation/measurements.json',
  rows,
  summary: {
    // |errors| 0.25, 0.1, 0.05: median 0.1, max 0.25 (e2e-h100-nemo)
    all: summary(4, 3, 0.1, 0.25, 'e2e-h100-nemo'),
    by: {
      // fit: 0.25 and 0.05, median 0.15; check: 0.1 and one unsupported
      split: { fit: summary(2, 2, 0.15, 0.25, 'e2e-h100-nemo'), check: summary(2, 1, 0.1, 0.1, 'tps-mi300x-vllm') },
      stack: {
        'nemo-2023': summary(2, 2, 0.15, 0.25, 'e2e-h100-nemo'),
        'vllm-rocm-2024': summary(1, 1, 0.1, 0.1, 'tps-mi300x-vllm'),
        'my-stack': summary(1, 0, null, null, null),
      },
      hardware: {
        'dgx-h100': summary(2, 2, 0.15, 0.25, 'e2e-h100-nemo'),
        mi300x: summary(2, 1, 0.1, 0.1, 'tps-mi300x-vllm'),
      },
      metric: {
        e2eSeconds: summary(1, 1, 0.25, 0.25, 'e2e-h100-nemo'),
        outputTokensPerSecondPerChip: summary(1, 1, 0.1, 0.1, 'tps-mi300x-vllm'),
        ttftSeconds: summary(1, 0, null, null, null),
        hostToChipCopyBytesPerSecond: summary(1, 1, 0.05, 0.05, 'copy-h100'),
      },
    },
  },
}

const input: ValidationInput = {
  title: 'Validation <against> measurements',
  generatedAt: '2026-01-02T03:04:05.000Z',
  appVersion: '1.2.3',
  simulatorVersion: '9.9.9',
  report,
}

/** The table row (`<tr>…</tr>`) of the full table that holds `id`. */
function tableRow(html: string, id: string): string {
  const found = html.match(new RegExp(`<tr><td><code>${id}</code></td>.*?</tr>`))
  if (!found) throw new Error(`no row ${id}`)
  return found[0]
}

describe('validationHtml', () => {
  const html = validationHtml(input)

  it('lists every row and escapes what the data says', () => {
    for (const { id } of rows) expect(html).toContain(id)
    expect(html).toContain('unsupported: FP8 &lt;script&gt;alert(1)&lt;/script&gt; is not modelled')
    expect(html).toContain('Validation &lt;against&gt; measurements')
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('resources/validation/measurements.json')
  })

  it('prints values in readable units and the signed error with one decimal', () => {
    const e2e = tableRow(html, 'e2e-h100-nemo')
    // 0.2 s and 0.25 s are under 1 s, so ms with one decimal; 0.25 / 0.2 − 1 = +25.0 %
    expect(e2e).toContain('<td>200.0 ms</td><td>250.0 ms</td><td>+25.0%</td><td>ok</td>')
    expect(e2e).toContain('NeMo 2023')
    // 100 tokens/s and more read whole; 900 / 1000 − 1 = −10.0 %
    expect(tableRow(html, 'tps-mi300x-vllm')).toContain('<td>1000 tokens/s</td><td>900 tokens/s</td><td>−10.0%</td>')
    // 2e10 B/s and 1.9e10 B/s: 20.0 and 19.0 GB/s, −5.0 %
    expect(tableRow(html, 'copy-h100')).toContain('<td>20.0 GB/s</td><td>19.0 GB/s</td><td>−5.0%</td>')
  })

  it('writes a row as the CLI and the Validation view do', () => {
    const e2e = rows[0]!
    const cells = [
      formatValidationValue(e2e.measured, e2e.metric),
      formatValidationValue(e2e.simulated, e2e.metric),
      formatValidationError(e2e.error),
    ]
    expect(cells).toEqual(['200.0 ms', '250.0 ms', '+25.0%'])
    expect(tableRow(html, 'e2e-h100-nemo')).toContain(`<td>${cells.join('</td><td>')}</td>`)
    // The CLI's columns: id, stack, configuration, measured, simulated, error, split, caveat.
    const cli = formatValidation(report)
      .split('\n')
      .find((line) => line.startsWith('e2e-h100-nemo '))!
    expect(cli.split(/ {2,}/).slice(3, 6)).toEqual(cells)
  })

  it('gives an unsupported row its reason and no simulated number', () => {
    const unsupported = tableRow(html, 'ttft-odd')
    // The measurement is real (0.05 s = 50.0 ms); no simulated value is made up and the error says why none.
    expect(unsupported).toContain('<td>50.0 ms</td><td>—</td><td>unsupported</td><td>unsupported: FP8 &lt;script&gt;')
    // An unknown stack id shows as itself.
    expect(unsupported).toContain('<td>my-stack</td>')
  })

  it('summarises all rows and each group, with the check rows as the honest figure', () => {
    expect(html).toContain('Check rows: median |error| 10.0% over 1 scored row.')
    // all: 4 rows, 3 scored, 1 unsupported, median 10.0 %, max 25.0 %
    expect(html).toContain(
      '<td>all rows</td><td>4</td><td>3</td><td>1</td><td>10.0%</td><td>25.0%</td><td><code>e2e-h100-nemo</code></td>',
    )
    // fit: median of 0.25 and 0.05 = 15.0 %
    expect(html).toContain('<td>fit</td><td>2</td><td>2</td><td>0</td><td>15.0%</td><td>25.0%</td>')
    expect(html).toContain('<td>my-stack</td><td>1</td><td>0</td><td>1</td><td>—</td><td>—</td><td>—</td>')
    expect(html).toContain('<td>host-to-chip copy rate</td><td>1</td><td>1</td><td>0</td><td>5.0%</td><td>5.0%</td>')
    for (const group of ['split', 'stack', 'hardware', 'metric']) expect(html).toContain(`<h3>By ${group}</h3>`)
  })

  it('draws one log-log scatter per scored metric, with legends for stacks and splits', () => {
    // Three metrics have a simulated value; time to first token has none.
    expect(html.match(/<svg xmlns=/g)).toHaveLength(3)
    expect(html).toContain('aria-label="end-to-end latency"')
    expect(html).toContain('aria-label="output tokens/s per chip"')
    expect(html).toContain('aria-label="host-to-chip copy rate"')
    expect(html).not.toContain('aria-label="time to first token"')
    expect(html).toContain('>NeMo 2023</text>')
    expect(html).toContain('>vLLM ROCm 2024</text>')
    expect(html).toContain('>fit</text>')
    expect(html).toContain('>check</text>')
    expect(html).toContain('stroke-dasharray')
    // Tooltips write values as the table does: 0.2 s and 0.25 s, 2e10 and 1.9e10 B/s.
    expect(html).toContain('<title>e2e-h100-nemo: measured 200.0 ms, simulated 250.0 ms</title>')
    expect(html).toContain('<title>copy-h100: measured 20.0 GB/s, simulated 19.0 GB/s</title>')
    // Copy-rate ticks are bare numbers, the unit named once in the axis titles.
    expect(html).toContain('>measured (GB/s)</text>')
    expect(html).toContain('>simulated (tokens/s)</text>')
    expect(html).toContain('shaded: within ±10 % and ±25 %.')
    expect(html).not.toMatch(/href=|src=/)
  })
})

describe('logScatterSvg', () => {
  const svg = logScatterSvg({
    title: 'T <1>',
    xTitle: 'x & co',
    yTitle: 'y',
    points: [
      { x: 1, y: 1, colour: '#111111', shape: 'circle', title: 'one <on the line>' },
      { x: 10, y: 12, colour: '#222222', shape: 'diamond', title: 'two' },
    ],
    tickLabel: (value) => `t${value}`,
    colours: [{ label: 'a <b>', colour: '#111111' }],
    shapes: [
      { label: 'c', shape: 'circle' },
      { label: 'd', shape: 'diamond' },
    ],
  })

  // Axes run from 1 / 1.35 to 12 × 1.35 = 16.2 on a 240 px plot: log10 1.35 = 0.1303, log10 16.2 = 1.2095,
  // so 1 sits at 0.1303 / 1.3398 × 240 = 23.3 px and 10 at 1.1303 / 1.3398 × 240 = 202.5 px; 12 at 216.7 px.
  it('places points on log axes, y growing upwards', () => {
    expect(svg).toContain(
      '<circle cx="23.3" cy="216.7" r="4" fill="#111111" stroke="#fff"><title>one &lt;on the line&gt;</title></circle>',
    )
    expect(svg).toContain(
      '<polygon points="202.5,18.3 207.5,23.3 202.5,28.3 197.5,23.3" fill="#222222" stroke="#fff"><title>two</title></polygon>',
    )
  })

  it('draws the diagonal, both bands and decade ticks, and escapes every text', () => {
    expect(svg).toContain('<line x1="0" y1="240" x2="240" y2="0" stroke="#888" stroke-dasharray="4 3"/>')
    // The ±25 % band first, the ±10 % band over it.
    expect(svg.indexOf('fill="#eef2f7"')).toBeGreaterThan(0)
    expect(svg.indexOf('fill="#eef2f7"')).toBeLessThan(svg.indexOf('fill="#d6e0ee"'))
    // Decades 1 and 10 fall inside 0.74…16.2, each labelled on both axes.
    expect(svg.match(/>t1<\/text>/g)).toHaveLength(2)
    expect(svg.match(/>t10<\/text>/g)).toHaveLength(2)
    expect(svg.match(/>t[^<]*<\/text>/g)).toHaveLength(4)
    expect(svg).toContain('aria-label="T &lt;1&gt;"')
    expect(svg).toContain('>x &amp; co</text>')
    expect(svg).toContain('>a &lt;b&gt;</text>')
    expect(svg).not.toContain('<b>')
    expect(svg).not.toContain('<on the line>')
  })
})

describe('validationJson', () => {
  it('carries the rows and summary exactly', () => {
    expect(JSON.parse(validationJson(input))).toEqual({
      format: 'memwall-validation-report',
      version: 1,
      title: input.title,
      generatedAt: input.generatedAt,
      appVersion: '1.2.3',
      simulatorVersion: '9.9.9',
      measurements: 'resources/validation/measurements.json',
      rows,
      summary: report.summary,
    })
  })
})

describe('validationCsv', () => {
  it('writes one record per row under the header, unsupported rows without a simulated value', () => {
    const text = validationCsv(report)
    expect(text.split('\n')[0]).toBe(VALIDATION_CSV_COLUMNS.join(','))
    const records = parse(text, { columns: true }) as Record<string, string>[]
    expect(records.map((record) => record.id)).toEqual(rows.map((r) => r.id))
    expect(records[0]).toMatchObject({ unit: 's', measured: '0.2', simulated: '0.25', error: '0.25', status: 'ok' })
    expect(records[0]!.caveat).toBe('Measured at batch 1.')
    expect(records[1]).toMatchObject({ stack: 'vllm-rocm-2024', split: 'check', unit: 'tokens/s', chips: '1' })
    expect(records[2]).toMatchObject({ simulated: '', error: '', status: 'unsupported', reason: SCRIPT_REASON })
    expect(records[3]).toMatchObject({ unit: 'B/s', measured: '20000000000', simulated: '19000000000' })
  })
})

describe('renderValidation', () => {
  const options = (format: RenderOptions['format'], printPdf: RenderOptions['printPdf']): RenderOptions => ({
    format,
    fileName: 'validation',
    pageSize: 'A4',
    printPdf,
  })

  it('prints the HTML to PDF through the given printer', async () => {
    const printPdf = vi.fn(async () => Buffer.from('%PDF'))
    const pdf = await renderValidation(input, options('pdf', printPdf))
    expect(pdf).toMatchObject({ format: 'pdf', fileName: 'validation.pdf', mimeType: 'application/pdf' })
    expect(pdf.body.toString()).toBe('%PDF')
    expect(printPdf).toHaveBeenCalledWith(validationHtml(input), 'A4')
  })

  it('renders the other formats without printing', async () => {
    const printPdf = vi.fn(async () => Buffer.from('%PDF'))
    const csv = await renderValidation(input, options('csv', printPdf))
    expect(csv).toMatchObject({ fileName: 'validation.csv', mimeType: 'text/csv; charset=utf-8' })
    expect(csv.body.toString('utf8')).toBe(validationCsv(report))
    const json = await renderValidation(input, options('json', printPdf))
    expect(json.body.toString('utf8')).toBe(validationJson(input))
    const html = await renderValidation(input, options('html', printPdf))
    expect(html.mimeType).toBe('text/html; charset=utf-8')
    expect(printPdf).not.toHaveBeenCalled()
  })
})
