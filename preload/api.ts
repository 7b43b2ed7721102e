import { z } from 'zod'
import { ScenarioSchema } from '../main/sim/scenario/schema'
import type { ModelSpec } from '../main/sim/models/schema'
import type { SystemSpec } from '../main/sim/hardware/schema'
import type { RunResult } from '../main/sim/result'
import type { Scenario } from '../main/sim/scenario/schema'
import { RUN_STATUSES, type ApiMethod, type Envelope, type EventMethod, type RunStatus } from './channels'

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

const RunIdSchema = z.int().min(1).describe('A run id, as `runsList` gives it')

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
  runsList: z
    .object({
      limit: z.int().min(1).max(1000).default(200).describe('Newest runs first, at most this many'),
      status: z.enum(RUN_STATUSES).optional().describe('Only runs in this status'),
    })
    .strict(),
  runsGet: z.object({ runId: RunIdSchema }).strict(),
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
  runsList: RunSummaryDto[]
  runsGet: RunDetailDto
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
