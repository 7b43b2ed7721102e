import { z } from 'zod'
import { HOST_LINK_MODELS } from '../../contract/api'

/**
 * The machine-readable report (`.json`): versioned, and validated by this schema before it is
 * written. `resources/report.schema.json` is the same schema as JSON Schema, shipped for other
 * tools (a test keeps the two equal).
 */
export const REPORT_JSON_FORMAT = 'memwall-report'
export const REPORT_JSON_VERSION = 1

const Instant = z.iso.datetime()

const MetricRowSchema = z
  .object({
    runId: z.int().min(1),
    label: z.string(),
    system: z.string().min(1),
    metric: z.string().min(1),
    value: z.number(),
    unit: z.string(),
  })
  .strict()

const RatioSchema = z
  .object({ runId: z.int(), metric: z.string(), better: z.string(), worse: z.string(), factor: z.number() })
  .strict()

const ConstantSchema = z.object({ path: z.string(), value: z.number(), source: z.string().min(1) }).strict()

const ReportRunSchema = z
  .object({
    id: z.int().min(1),
    label: z.string().nullable(),
    status: z.string(),
    scenarioName: z.string(),
    scenarioHash: z.string().regex(/^[0-9a-f]{64}$/),
    seed: z.int(),
    seeds: z.int().min(1),
    simulatorVersion: z.string().min(1),
    createdAt: Instant,
    finishedAt: Instant.nullable(),
    scenario: z.record(z.string(), z.unknown()),
    assumptions: z.array(
      z.object({ name: z.string(), value: z.unknown(), overridden: z.boolean(), source: z.string() }).strict(),
    ),
  })
  .strict()

const Common = {
  format: z.literal(REPORT_JSON_FORMAT),
  version: z.literal(REPORT_JSON_VERSION),
  title: z.string().min(1),
  generatedAt: Instant,
  appVersion: z.string().min(1),
  simulatorVersion: z.string().min(1),
}

export const ComparisonReportSchema = z
  .object({
    ...Common,
    kind: z.literal('comparison'),
    baselineRunId: z.int().min(1),
    runs: z.array(ReportRunSchema).min(1),
    metrics: z.array(MetricRowSchema),
    findings: z
      .object({
        speedups: z.array(RatioSchema),
        footprint: z.array(RatioSchema),
        switchTime: z.array(RatioSchema),
        wins: z.array(z.object({ system: z.string(), count: z.int(), metrics: z.array(z.string()) }).strict()),
      })
      .strict(),
    systems: z.array(z.object({ systemId: z.string(), name: z.string(), constants: z.array(ConstantSchema) }).strict()),
  })
  .strict()

export const PaperReportJsonSchema = z
  .object({
    ...Common,
    kind: z.literal('paper'),
    hostLinkModel: z.enum(HOST_LINK_MODELS),
    report: z.looseObject({ simulatorVersion: z.string(), assumptions: z.record(z.string(), z.unknown()) }),
  })
  .strict()

export const ReportJsonSchema = z.discriminatedUnion('kind', [ComparisonReportSchema, PaperReportJsonSchema])
export type ReportJson = z.output<typeof ReportJsonSchema>

/** The schema as a JSON Schema document (draft 2020-12), as resources/report.schema.json ships it. */
export function reportJsonSchemaDocument(): Record<string, unknown> {
  return {
    title: 'Memwall Workbench report',
    ...(z.toJSONSchema(ReportJsonSchema, { io: 'input' }) as Record<string, unknown>),
  }
}
