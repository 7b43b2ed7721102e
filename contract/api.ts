import { z } from 'zod'
import { ScenarioSchema } from '../main/sim/scenario/schema'
import { MeasurementFileSchema } from '../main/sim/validation/schema'
import type { ValidationReport } from '../main/sim/validation/report'
import type { ModelSpec } from '../main/sim/models/schema'
import type { SystemSpec } from '../main/sim/hardware/schema'
import type { RunResult } from '../main/sim/result'
import type { PaperReport } from '../main/sim/paper/report'
import type { Scenario } from '../main/sim/scenario/schema'
import { HOST_LINK_MODELS, LIMITS, SWEEP_METRIC_NAMES, type SweepMetricName } from '../main/sim/registries'
import { RUN_STATUSES, type ApiMethod, type Envelope, type EventMethod, type RunStatus } from './channels'
import type { SweepStatus } from './statuses'
import type { RunBundle } from './bundle'

/**
 * The contract between the renderer and the main process: the input schema of every call, the
 * DTOs it answers with, and the events. Both transports (the Electron preload and the browser
 * host's HTTP client) implement `WorkbenchApi`; `main/dispatch.ts` parses every input with the
 * schemas below before any service sees it.
 */

export { ScenarioSchema, type Scenario, type ScenarioInput } from '../main/sim/scenario/schema'
export { scenarioHash } from '../main/sim/scenario/hash'
export { parseTrace } from '../main/sim/scenario/trace'
export {
  MeasurementFileSchema,
  parseMeasurements,
  VALIDATION_SPLITS,
  SUMMARY_GROUPS,
  type SummaryGroup,
  type MeasurementFile,
  type MeasurementRow,
  type ValidationSplit,
} from '../main/sim/validation/schema'
export type { CollectiveCheck, CollectiveRowResult } from '../main/sim/validation/collectives'
export type { KernelOpCheck, KernelOpRowResult, KernelAttentionRowResult } from '../main/sim/validation/kernelOps'
export type {
  ValidationReport,
  ValidationRowResult,
  ValidationSummary,
  ErrorSummary,
} from '../main/sim/validation/report'
export type * from '../main/sim/result'
export type { ModelSpec, SystemSpec, PaperReport }
export { RUN_STATUSES, FINAL_RUN_STATUSES, isFinalStatus, isActiveStatus, type RunStatus } from './channels'
export {
  RUN_STATUS,
  SWEEP_STATUS,
  SWEEP_STATUSES,
  isActiveSweepStatus,
  type StatusEntry,
  type SweepStatus,
} from './statuses'
// The core's registries (figures, host links, modes, cache policies, limits, metrics): the renderer's
// forms and views are generated from them.
export * from '../main/sim/registries'
export { BUNDLE_FORMAT, BUNDLE_VERSION, RunBundleSchema, type RunBundle, type BundledRun } from './bundle'
export { upgradeResult } from './resultUpgrade'

const RunIdSchema = z.int().min(1).describe('A run id, as `runsList` gives it')
const RunIdsSchema = z.array(RunIdSchema).min(1).max(10_000)
/** A tag: trimmed, 1–40 characters, no commas (the CLI takes comma lists). */
export const TagSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^,]+$/, 'a tag may not contain a comma')

export const RUN_SORT_KEYS = ['createdAt', 'finishedAt', 'label', 'status', 'model', 'scenarioName'] as const

/** The longest string filter: every one reaches SQL, and a LIKE pattern has a limit of its own. */
const FILTER_MAX = 200

/** Which runs, in what order, which page. Every filter narrows; text matches label and notes. */
export const RunQuerySchema = z
  .object({
    limit: z.int().min(1).max(1000).default(50).describe('Runs per page'),
    offset: z.int().min(0).default(0).describe('Runs to skip: the page times the limit'),
    sort: z.enum(RUN_SORT_KEYS).default('createdAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    status: z.enum(RUN_STATUSES).optional().describe('Only runs in this status'),
    system: z.string().min(1).max(FILTER_MAX).optional().describe('Only runs that include this system id'),
    model: z.string().min(1).max(FILTER_MAX).optional().describe('Only runs of this model id'),
    label: z.string().min(1).max(FILTER_MAX).optional().describe('Only runs whose label contains this'),
    tag: TagSchema.optional().describe('Only runs with this tag'),
    from: z.iso.datetime().optional().describe('Only runs created at or after this instant (ISO 8601)'),
    to: z.iso.datetime().optional().describe('Only runs created before this instant (ISO 8601)'),
    text: z.string().trim().min(1).max(FILTER_MAX).optional().describe('Only runs whose label or notes contain this'),
    starred: z.boolean().optional().describe('Only starred (true) or unstarred (false) runs'),
  })
  .strict()
export type RunQueryInput = z.input<typeof RunQuerySchema>

const SweepIdSchema = z.int().min(1).describe('A sweep id, as `sweepsList` gives it')

/**
 * One swept field: a dotted path into the scenario JSON (`workload.batch`, `serving.experts`,
 * `systems` for the systems themselves, `systemOverrides.dgx-h100.memoryEfficiency`) and its
 * values, expanded already (the CLI parses `a,b,c`, `start..stop:step` and `start..stop:xN`).
 */
export const SweepAxisSchema = z
  .object({
    path: z.string().min(1).max(200),
    values: z
      .array(z.union([z.number(), z.string(), z.boolean()]))
      .min(1)
      .max(LIMITS.axisValues.max),
  })
  .strict()
export type SweepAxis = z.output<typeof SweepAxisSchema>

export const REPORT_FORMATS = ['html', 'pdf', 'csv', 'json'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** Which measurements `memwall validate` and the Validation view simulate. */
export const ValidationRequestSchema = z
  .object({
    measurements: MeasurementFileSchema.optional().describe(
      'A measurement set in the memwall-measurements format; absent: the shipped one',
    ),
    measurementsName: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .describe('What the report calls the set (its file name)'),
    stack: z.string().trim().min(1).max(100).optional().describe('Only the rows of this stack'),
    kernels: z
      .boolean()
      .optional()
      .describe('Also check the collective model against measured NCCL all-reduces (the shipped kernel profiles)'),
  })
  .strict()
export type ValidationRequest = z.output<typeof ValidationRequestSchema>

/** A report of stored runs (a comparison, one run, a sweep), of the paper check or of the validation, in one format. */
export const ReportRequestSchema = z
  .object({
    runIds: z.array(RunIdSchema).min(1).max(50).optional().describe('The runs to report, in order'),
    paper: z.boolean().default(false).describe('Report the paper check instead of runs'),
    validation: ValidationRequestSchema.optional().describe(
      'Report the validation against measurements instead of runs',
    ),
    format: z.enum(REPORT_FORMATS),
    title: z.string().trim().min(1).max(200).optional(),
    baselineRunId: RunIdSchema.optional().describe('The run the others are compared with (default: the first)'),
    pageSize: z.enum(['A4', 'Letter']).default('A4').describe('PDF page size'),
    hostLinkModel: z.enum(HOST_LINK_MODELS).default('paper').describe('The paper check’s GPU host links'),
  })
  .strict()
  .refine(
    (request) =>
      [request.runIds !== undefined, request.paper, request.validation !== undefined].filter(Boolean).length === 1,
    {
      message: 'give one of runIds, paper: true or validation',
      path: ['runIds'],
    },
  )
export type RunQuery = z.output<typeof RunQuerySchema>

/** Names a sensitivity analysis so that its caller can cancel it (`sensitivityCancel`). */
export const SensitivityRequestIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "-" or "_"')
  .describe('A name the caller picks for this analysis, to cancel it by')

export const INPUT_SCHEMAS = {
  presetsList: z.object({}).strict(),
  scenariosList: z.object({ limit: z.int().min(1).max(1000).default(100) }).strict(),
  scenariosSave: z
    .object({
      id: z.int().min(1).optional().describe('The saved scenario to replace; absent: save a new one'),
      scenario: ScenarioSchema,
    })
    .strict(),
  scenariosDelete: z.object({ id: z.int().min(1).describe('A saved scenario id') }).strict(),
  paperReport: z
    .object({
      hostLinkModel: z
        .enum(HOST_LINK_MODELS)
        .default('paper')
        .describe('GPU host links: one link for the node, as the paper models it, or one per GPU'),
    })
    .strict(),
  validationRun: ValidationRequestSchema,
  runsStart: z
    .object({
      scenario: ScenarioSchema,
      label: z.string().trim().max(200).optional().describe('A note shown beside the run'),
      seeds: z
        .int()
        .min(1)
        .max(LIMITS.seeds.max)
        .default(1)
        .describe('Run with this many consecutive seeds, in parallel workers, and report each metric’s P5–P95'),
    })
    .strict(),
  runsCancel: z.object({ runId: RunIdSchema }).strict(),
  runsList: RunQuerySchema,
  runsGet: z.object({ runId: RunIdSchema }).strict(),
  runsUpdate: z
    .object({
      runId: RunIdSchema,
      label: z.string().trim().max(200).nullable().optional().describe('The run’s label; null clears it'),
      notes: z.string().max(10_000).nullable().optional().describe('Free text; null clears it'),
      starred: z.boolean().optional(),
      tags: z.array(TagSchema).max(50).optional().describe('The run’s whole tag set (replaces the old one)'),
    })
    .strict(),
  runsDelete: z.object({ runIds: RunIdsSchema }).strict(),
  runsRestore: z.object({ runIds: RunIdsSchema }).strict(),
  runsReplay: z
    .object({
      runId: RunIdSchema,
      keep: z.boolean().default(false).describe('Store the replay as a new run linked to the original'),
    })
    .strict(),
  runsExport: z.object({ runIds: RunIdsSchema }).strict(),
  runsImport: z.object({ bundle: z.unknown().describe('A parsed bundle file, as runsExport gives it') }).strict(),
  tagsList: z.object({}).strict(),
  reportsExport: ReportRequestSchema,
  sweepsStart: z
    .object({
      scenario: ScenarioSchema,
      axes: z
        .array(SweepAxisSchema)
        .min(1, 'vary at least one field')
        .max(LIMITS.sweepAxes.max, `vary at most ${LIMITS.sweepAxes.max} fields (lines, or a heatmap)`)
        .describe('The fields to vary: one (lines) or two (a heatmap)'),
      seeds: z
        .int()
        .min(1)
        .max(LIMITS.seeds.max)
        .default(1)
        .describe('Seeds per point: more than one gives P5–P95 bands'),
      label: z.string().trim().max(200).optional(),
    })
    .strict(),
  sweepsList: z.object({ limit: z.int().min(1).max(1000).default(100) }).strict(),
  sweepsGet: z.object({ sweepId: SweepIdSchema }).strict(),
  sweepsCancel: z.object({ sweepId: SweepIdSchema }).strict(),
  sweepsResume: z.object({ sweepId: SweepIdSchema }).strict(),
  sweepsDelete: z.object({ sweepId: SweepIdSchema }).strict(),
  sensitivityRun: z
    .object({
      scenario: ScenarioSchema,
      metric: z.enum(SWEEP_METRIC_NAMES).describe('The headline metric whose sensitivity is measured'),
      system: z.string().min(1).describe('The system whose metric is measured'),
      step: z.number().gt(0).lte(0.9).default(0.2).describe('Each assumption moved down and up by this fraction'),
      requestId: SensitivityRequestIdSchema.optional(),
    })
    .strict(),
  sensitivityCancel: z.object({ requestId: SensitivityRequestIdSchema }).strict(),
} as const satisfies Record<ApiMethod, z.ZodType>

export type ApiInput<M extends ApiMethod> = z.input<(typeof INPUT_SCHEMAS)[M]>
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof INPUT_SCHEMAS)[M]>

export interface PresetsDto {
  systems: SystemSpec[]
  models: (ModelSpec & { parameters: number })[]
  simulatorVersion: string
  /** The scenario-wide assumptions: default, what it means, where the default comes from. */
  assumptions: { name: string; defaultValue: boolean | string; description: string; source: string }[]
}

export interface ScenarioDto {
  id: number
  name: string
  hash: string
  createdAt: string
  /** When it was last saved (the creation time until then). */
  updatedAt: string
  scenario: Scenario
}

export interface RunSummaryDto {
  id: number
  label: string | null
  status: RunStatus
  progress: number
  scenarioName: string
  scenarioHash: string
  systems: string[]
  model: string
  seed: number
  simulatorVersion: string
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  error: string | null
  notes: string | null
  tags: string[]
  starred: boolean
  /** Seeds the run used: more than one makes it a seed spread. */
  seeds: number
  /** The run this one replays, when it was kept from a replay. */
  replayOf: number | null
}

/** One page of runs and how many match the query in all. */
export interface RunPageDto {
  runs: RunSummaryDto[]
  total: number
}

/** Why a replay may differ from its original. */
export interface ReplayCause {
  kind: 'simulatorVersion' | 'scenarioMigrated' | 'assumptions' | 'noStoredResult' | 'unexplained'
  /** One sentence for people, e.g. "simulator 0.4.0 → 0.5.0". */
  detail: string
}

/** One metric whose replayed value is not the stored one. */
export interface MetricChange {
  /** Where it sits in the result, e.g. `systems[dgx-h100].decode.seconds`. */
  path: string
  original: number | string | boolean | null
  replay: number | string | boolean | null
  /** (replay − original) / |original| for numbers, null otherwise or when the original is 0. */
  relativeChange: number | null
}

/** What replaying a stored run found: reproduced bit for bit, or each change and its likely causes. */
export interface ReplayReportDto {
  runId: number
  reproduced: boolean
  original: { simulatorVersion: string; scenarioHash: string; seed: number }
  replay: { simulatorVersion: string; scenarioHash: string; seed: number }
  causes: ReplayCause[]
  /** Every changed metric, largest relative change first (at most 500; `changeCount` says how many in all). */
  changes: MetricChange[]
  changeCount: number
  /** The replay stored as a new run linked to the original, when asked to keep it. */
  keptRunId: number | null
  /** Both results in full, for a side-by-side view. */
  originalResult: RunResult | null
  replayResult: RunResult
}

/** What an import did with each run of a bundle. Nothing is written unless the whole bundle is valid. */
export interface ImportReportDto {
  imported: { bundleIndex: number; runId: number }[]
  /** Runs already stored (same scenario hash, seed and simulator version): not stored twice. */
  duplicates: { bundleIndex: number; existingRunId: number }[]
}

export interface SweepSummaryDto {
  id: number
  label: string | null
  status: SweepStatus
  scenarioName: string
  systems: string[]
  axes: SweepAxis[]
  seeds: number
  /** Points in the grid (the product of the axes' lengths), done so far, and failed. */
  points: number
  done: number
  failed: number
  /** Identifies the grid: scenario, axes, seeds and simulator version (shards of one sweep share it). */
  sweepHash: string
  simulatorVersion: string
  createdAt: string
  finishedAt: string | null
  error: string | null
}

/** A metric's median and P5–P95 over the point's seeds (all three equal with one seed). */
export interface MetricSpread {
  p5: number
  p50: number
  p95: number
}

export interface SweepPointDto {
  /** Row-major index in the grid: the first axis varies slowest. */
  index: number
  /** The point's value on each axis. */
  values: (number | string | boolean)[]
  status: 'pending' | 'done' | 'failed'
  error: string | null
  /** By system id, then metric: null where the system ran out of memory or has no such metric. */
  metrics: Record<string, Partial<Record<SweepMetricName, MetricSpread | null>>>
}

/** Where the answer changes along a numeric axis. */
export interface CrossoverDto {
  metric: SweepMetricName
  /** The axis it was found along (the first axis; for two axes, at each value of the second). */
  path: string
  /** The other axis's value, for two-axis sweeps. */
  at: number | string | boolean | null
  kind: 'overtake' | 'step'
  /** Where it happens on the axis (interpolated for an overtake; the first point past a step). */
  x: number
  systems: string[]
  /** For people: "dgx-h100 needs 2 machines above 46 experts (serving.experts)". */
  description: string
}

export interface SweepDetailDto extends SweepSummaryDto {
  scenario: Scenario
  pointsData: SweepPointDto[]
  crossovers: CrossoverDto[]
}

/** One bar of a tornado chart: the metric with one assumption moved down and up. */
export interface SensitivityBar {
  /** e.g. `systemOverrides.dgx-h100.memoryEfficiency`. */
  path: string
  baseValue: number
  low: { value: number; metric: number }
  high: { value: number; metric: number }
  /** |high.metric − low.metric|: the bars are sorted by it, largest first. */
  swing: number
}

export interface SensitivityDto {
  metric: SweepMetricName
  system: string
  step: number
  baseline: number
  bars: SensitivityBar[]
}

/** A rendered report: save `base64`'s bytes as `fileName`. */
export interface ReportFileDto {
  fileName: string
  mimeType: string
  base64: string
}

export interface TagCountDto {
  tag: string
  runs: number
}

export interface RunDetailDto extends RunSummaryDto {
  scenario: Scenario
  result: RunResult | null
}

export interface ApiOutputs {
  presetsList: PresetsDto
  scenariosList: ScenarioDto[]
  scenariosSave: ScenarioDto
  /** Deleted scenarios leave the list; runs made from them keep their own copy. */
  scenariosDelete: { id: number }
  paperReport: PaperReport
  /** Every measurement row (or one stack's) beside the model, with the summary. */
  validationRun: ValidationReport
  runsStart: RunSummaryDto
  runsCancel: RunSummaryDto
  runsList: RunPageDto
  runsGet: RunDetailDto
  runsUpdate: RunSummaryDto
  /** The ids deleted; they can be restored until purged (an hour later, at the next start). */
  runsDelete: { runIds: number[] }
  runsRestore: { runIds: number[] }
  runsReplay: ReplayReportDto
  runsExport: RunBundle
  runsImport: ImportReportDto
  tagsList: TagCountDto[]
  reportsExport: ReportFileDto
  sweepsStart: SweepSummaryDto
  sweepsList: SweepSummaryDto[]
  sweepsGet: SweepDetailDto
  sweepsCancel: SweepSummaryDto
  sweepsResume: SweepSummaryDto
  sweepsDelete: { sweepId: number }
  sensitivityRun: SensitivityDto
  sensitivityCancel: { cancelled: boolean }
}

export interface EventPayloads {
  /** A run changed status or progress; the payload is its new summary. */
  onRunUpdated: RunSummaryDto
  /** A sweep changed status or progress (at most every 100 ms while it runs). */
  onSweepUpdated: SweepSummaryDto
}

export type Unsubscribe = () => void

/**
 * What the renderer calls: built over `window.workbench` in Electron and over HTTP in a browser;
 * a failure throws `WorkbenchError` with its code.
 */
export type WorkbenchApi = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]>
} & {
  [E in EventMethod]: (listener: (payload: EventPayloads[E]) => void) => Unsubscribe
}

/**
 * What the preload exposes as `window.workbench`: the same methods, answering the raw Envelope.
 * Errors do not keep their fields across contextBridge, so the page unwraps envelopes itself.
 */
export type WorkbenchBridge = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<Envelope<ApiOutputs[M]>>
} & {
  [E in EventMethod]: (listener: (payload: EventPayloads[E]) => void) => Unsubscribe
}
