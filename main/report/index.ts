import { metricsCsv, validationCsv } from './csv'
import { comparisonHtml } from './html'
import { comparisonJson, paperJson, validationJson } from './json'
import { runMetrics } from './metrics'
import { paperHtml } from './paperHtml'
import type { PageSize, PrintPdf } from './pdf'
import type { ComparisonInput, PaperInput, RenderedReport, ReportFormat, ValidationInput } from './types'
import { validationHtml } from './validationHtml'

export {
  REPORT_FORMATS,
  type ComparisonInput,
  type PaperInput,
  type RenderedReport,
  type ReportFormat,
  type ValidationInput,
} from './types'
export { PAGE_SIZES, printWithChromium, type PageSize, type PrintPdf } from './pdf'
export { ReportJsonSchema, REPORT_JSON_FORMAT, REPORT_JSON_VERSION } from './reportSchema'

const MIME: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
}

export interface RenderOptions {
  format: ReportFormat
  fileName: string
  pageSize: PageSize
  printPdf: PrintPdf
}

async function rendered(options: RenderOptions, html: () => string, text: Record<'csv' | 'json', () => string>) {
  const { format } = options
  const body =
    format === 'pdf'
      ? await options.printPdf(html(), options.pageSize)
      : Buffer.from(format === 'html' ? html() : text[format](), 'utf8')
  const report: RenderedReport = { format, fileName: `${options.fileName}.${format}`, mimeType: MIME[format], body }
  return report
}

/** A comparison of stored runs in any of the four formats. */
export function renderComparison(input: ComparisonInput, options: RenderOptions): Promise<RenderedReport> {
  return rendered(options, () => comparisonHtml(input), {
    csv: () => metricsCsv(input.runs.flatMap(runMetrics)),
    json: () => comparisonJson(input),
  })
}

/** The paper check in any of the four formats (its CSV: one row per experiment value). */
export function renderPaper(input: PaperInput, options: RenderOptions): Promise<RenderedReport> {
  return rendered(options, () => paperHtml(input), {
    csv: () => paperCsv(input),
    json: () => paperJson(input),
  })
}

/** The validation against measurements in any of the four formats (its CSV: one line per row). */
export function renderValidation(input: ValidationInput, options: RenderOptions): Promise<RenderedReport> {
  return rendered(options, () => validationHtml(input), {
    csv: () => validationCsv(input.report),
    json: () => validationJson(input),
  })
}

function paperCsv(input: PaperInput): string {
  const { report } = input
  const rows = [
    ...report.coe.flatMap((row) =>
      (['sn40l-node', 'dgx-h100', 'dgx-a100'] as const).map((system) => ({
        system,
        metric: `CoE call latency, batch ${row.batch}, ${row.outputTokens} tokens, ${row.experts} experts`,
        value: row.seconds[system],
        unit: 's',
      })),
    ),
    // The same calls with the DGXs on today's GPU stack (the SN40L unchanged).
    ...report.currentGpuStack.coe.flatMap((row) =>
      (['dgx-h100', 'dgx-a100'] as const).map((system) => ({
        system: `${system} on ${report.currentGpuStack.stack}`,
        metric: `CoE call latency, batch ${row.batch}, ${row.outputTokens} tokens, ${row.experts} experts`,
        value: row.seconds[system],
        unit: 's',
      })),
    ),
    ...report.fusion.map((row) => ({
      system: 'sn40l-node',
      metric: `fusion speedup, ${row.benchmark}`,
      value: row.seconds.unfused / row.seconds.fusedHO,
      unit: '×',
    })),
    ...(['sn40l-node', 'dgx-h100', 'dgx-a100'] as const).map((system) => ({
      system,
      metric: 'one expert switch',
      value: report.switching.seconds[system],
      unit: 's',
    })),
    ...report.gpuBaseline.map((row) => ({
      system: row.system,
      metric: `Llama-2-7B 128/20, TP${row.tp}, batch ${row.batch}`,
      value: row.seconds,
      unit: 's',
    })),
    ...(['unfused', 'partiallyFused', 'fullyFused'] as const).map((key) => ({
      system: 'monarch',
      metric: `operational intensity, ${key}`,
      value: report.monarch[key],
      unit: 'FLOP/byte',
    })),
  ]
  return metricsCsv(rows.map((row) => ({ runId: 0, label: 'paper check', ...row })))
}
