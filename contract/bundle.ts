import { z } from 'zod'
import { ScenarioSchema } from '../main/sim/scenario/schema'
import type { RunResult } from '../main/sim/result'
import { LIMITS } from '../main/sim/registries'
import { FINAL_RUN_STATUSES } from './statuses'

/**
 * The file `memwall export` writes and `memwall import` reads: self-describing (format name and
 * version first), one entry per run with everything needed to store it again, each entry sealed
 * by a SHA-256 over its canonical JSON so a hand-edited or damaged run is refused rather than
 * stored. Validated whole before anything is written.
 */
export const BUNDLE_FORMAT = 'memwall-run-bundle'
export const BUNDLE_VERSION = 1

/**
 * How deep a run's field may nest (objects and arrays). A result nests about 6 deep; the seal's
 * canonical JSON is recursive, and a hand-made file 100,000 deep would overflow its stack.
 */
export const MAX_BUNDLE_DEPTH = 64

/** Whether `value` nests objects and arrays more than `limit` deep; iterative, so any depth is safe to ask. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  // Two parallel stacks rather than a pair per value: a result may hold millions of values.
  const values: unknown[] = [value]
  const depths: number[] = [0]
  while (values.length > 0) {
    const current = values.pop()
    const depth = depths.pop()!
    if (typeof current !== 'object' || current === null) continue
    if (depth >= limit) return true
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child !== 'object' || child === null) continue
      values.push(child)
      depths.push(depth + 1)
    }
  }
  return false
}

const Instant = z.iso.datetime()
const Tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^,]+$/, 'a tag may not contain a comma')

/** The parts of a stored result the workbench relies on; the rest travels as it is. */
const ResultShape = z.looseObject({
  scenario: z.looseObject({}),
  systems: z.array(z.looseObject({ systemId: z.string().min(1) })),
  serving: z.array(z.looseObject({ systemId: z.string().min(1) })).nullable(),
  assumptions: z.array(z.looseObject({ name: z.string().min(1) })),
  provenance: z.looseObject({
    simulatorVersion: z.string().min(1),
    scenarioHash: z.string().regex(/^[0-9a-f]{64}$/),
    seed: z.int(),
  }),
})

export const BundledRunSchema = z
  .object({
    /** The run's id in the database it came from (imports get new ids). */
    sourceRunId: z.int().min(1),
    scenario: ScenarioSchema,
    scenarioHash: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hex'),
    seed: z.int(),
    seeds: z.int().min(1).max(LIMITS.seeds.max),
    simulatorVersion: z.string().min(1),
    status: z.enum(FINAL_RUN_STATUSES),
    label: z.string().max(200).nullable(),
    notes: z.string().max(10_000).nullable(),
    tags: z.array(Tag).max(50),
    starred: z.boolean(),
    createdAt: Instant,
    startedAt: Instant.nullable(),
    finishedAt: Instant.nullable(),
    error: z.string().nullable(),
    result: ResultShape.nullable(),
    /** SHA-256 (hex) of the canonical JSON of this entry without `checksum`. */
    checksum: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hex'),
  })
  .strict()

export const RunBundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    exportedAt: Instant,
    /** The simulator version of the workbench that wrote the bundle. */
    exportedBy: z.string().min(1),
    runs: z.array(BundledRunSchema).min(1),
  })
  .strict()

export type BundledRun = Omit<z.output<typeof BundledRunSchema>, 'result'> & { result: RunResult | null }
export type RunBundle = Omit<z.output<typeof RunBundleSchema>, 'runs'> & { runs: BundledRun[] }
