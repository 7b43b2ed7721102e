import { z } from 'zod'
import { ScenarioSchema } from '../main/sim/scenario/schema'
import type { ModelSpec } from '../main/sim/models/schema'
import type { SystemSpec } from '../main/sim/hardware/schema'
import type { RunResult } from '../main/sim/result'
import type { Scenario } from '../main/sim/scenario/schema'
import { RUN_STATUSES, type ApiMethod, type Envelope, type EventMethod, type RunStatus } from './channels'
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
export type * from '../main/sim/result'
export type { ModelSpec, SystemSpec }
export { RUN_STATUSES, FINAL_RUN_STATUSES, isFinalStatus, isActiveStatus, type RunStatus } from './channels'
export { BUNDLE_FORMAT, BUNDLE_VERSION, RunBundleSchema, type RunBundle, type BundledRun } from './bundle'

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

/** Which runs, in what order, which page. Every filter narrows; text matches label and notes. */
export const RunQuerySchema = z
  .object({
    limit: z.int().min(1).max(1000).default(50).describe('Runs per page'),
    offset: z.int().min(0).default(0).describe('Runs to skip: the page times the limit'),
    sort: z.enum(RUN_SORT_KEYS).default('createdAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    status: z.enum(RUN_STATUSES).optional().describe('Only runs in this status'),
    system: z.string().min(1).optional().describe('Only runs that include this system id'),
    model: z.string().min(1).optional().describe('Only runs of this model id'),
    label: z.string().min(1).optional().describe('Only runs whose label contains this'),
    tag: TagSchema.optional().describe('Only runs with this tag'),
    from: z.iso.datetime().optional().describe('Only runs created at or after this instant (ISO 8601)'),
    to: z.iso.datetime().optional().describe('Only runs created before this instant (ISO 8601)'),
    text: z.string().trim().min(1).max(200).optional().describe('Only runs whose label or notes contain this'),
    starred: z.boolean().optional().describe('Only starred (true) or unstarred (false) runs'),
  })
  .strict()
export type RunQueryInput = z.input<typeof RunQuerySchema>
export type RunQuery = z.output<typeof RunQuerySchema>

export const INPUT_SCHEMAS = {
  presetsList: z.object({}).strict(),
  scenariosList: z.object({ limit: z.int().min(1).max(1000).default(100) }).strict(),
  runsStart: z
    .object({
      scenario: ScenarioSchema,
      label: z.string().trim().max(200).optional().describe('A note shown beside the run'),
      seeds: z
        .int()
        .min(1)
        .max(64)
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
} as const satisfies Record<ApiMethod, z.ZodType>

export type ApiInput<M extends ApiMethod> = z.input<(typeof INPUT_SCHEMAS)[M]>
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof INPUT_SCHEMAS)[M]>

export interface PresetsDto {
  systems: SystemSpec[]
  models: (ModelSpec & { parameters: number })[]
  simulatorVersion: string
}

export interface ScenarioDto {
  id: number
  name: string
  hash: string
  createdAt: string
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
  /** Seeds the run used: more than one makes it a sweep. */
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
}

export interface EventPayloads {
  /** A run changed status or progress; the payload is its new summary. */
  onRunUpdated: RunSummaryDto
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
