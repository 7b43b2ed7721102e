import { findings } from './findings'
import { runMetrics } from './metrics'
import { REPORT_JSON_FORMAT, REPORT_JSON_VERSION, ReportJsonSchema, type ReportJson } from './reportSchema'
import type { ComparisonInput, PaperInput, ValidationInput } from './types'

/** Validated before it leaves: a report that does not match its own schema is a bug, not a file. */
function checked(report: ReportJson): string {
  return `${JSON.stringify(ReportJsonSchema.parse(report), null, 2)}\n`
}

export function comparisonJson(input: ComparisonInput): string {
  return checked({
    format: REPORT_JSON_FORMAT,
    version: REPORT_JSON_VERSION,
    kind: 'comparison',
    title: input.title,
    generatedAt: input.generatedAt,
    appVersion: input.appVersion,
    simulatorVersion: input.simulatorVersion,
    baselineRunId: input.baselineRunId,
    runs: input.runs.map((run) => ({
      id: run.id,
      label: run.label,
      status: run.status,
      scenarioName: run.scenarioName,
      scenarioHash: run.scenarioHash,
      seed: run.seed,
      seeds: run.seeds,
      simulatorVersion: run.simulatorVersion,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt,
      scenario: run.scenario as unknown as Record<string, unknown>,
      assumptions: (run.result?.assumptions ?? []).map(({ name, value, overridden, source }) => ({
        name,
        value,
        overridden,
        source,
      })),
    })),
    metrics: input.runs.flatMap(runMetrics),
    findings: findings(input.runs),
    systems: input.systems,
  })
}

export function paperJson(input: PaperInput): string {
  return checked({
    format: REPORT_JSON_FORMAT,
    version: REPORT_JSON_VERSION,
    kind: 'paper',
    title: input.title,
    generatedAt: input.generatedAt,
    appVersion: input.appVersion,
    simulatorVersion: input.simulatorVersion,
    hostLinkModel: input.hostLinkModel,
    report: input.report,
  })
}

/**
 * The validation as its own format: the rows and summary exactly as the core computed them
 * (report.schema.json describes the comparison and paper reports only).
 */
export function validationJson(input: ValidationInput): string {
  const { report } = input
  const json = {
    format: 'memwall-validation-report',
    version: 1,
    title: input.title,
    generatedAt: input.generatedAt,
    appVersion: input.appVersion,
    simulatorVersion: input.simulatorVersion,
    measurements: report.measurements,
    rows: report.rows,
    summary: report.summary,
  }
  return `${JSON.stringify(json, null, 2)}\n`
}
