import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { stringify } from 'safe-stable-stringify'
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  isActiveStatus,
  RunBundleSchema,
  scenarioHash,
  type BundledRun,
  type ImportReportDto,
  type RunBundle,
  type RunDetailDto,
  type Scenario,
} from '../../contract/api'
import { MAX_BUNDLE_DEPTH, nestsDeeperThan } from '../../contract/bundle'
import { describeIssues } from '../../contract/validation'
import { SIMULATOR_VERSION } from '../sim'
import type { Store } from '../store'
import { ConflictError, InvalidInputError, NotFoundError } from './errors'

/** A file that is not a bundle this workbench can import; transports answer `invalid_input`. */
export class BundleError extends InvalidInputError {
  override readonly name = 'BundleError'
}

type Unsealed = Omit<BundledRun, 'checksum'>

/** SHA-256 (hex) of the entry's canonical JSON (keys sorted), `checksum` left out. */
export function runChecksum(entry: Record<string, unknown>): string {
  const { checksum: _checksum, ...content } = entry
  return bytesToHex(sha256(utf8ToBytes(stringify(content) ?? '')))
}

function toEntry(run: RunDetailDto): BundledRun {
  const entry: Unsealed = {
    sourceRunId: run.id,
    scenario: run.scenario,
    scenarioHash: run.scenarioHash,
    seed: run.seed,
    seeds: run.seeds,
    simulatorVersion: run.simulatorVersion,
    status: run.status as BundledRun['status'],
    label: run.label,
    notes: run.notes,
    tags: run.tags,
    starred: run.starred,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    error: run.error,
    result: run.result,
  }
  return { ...entry, checksum: runChecksum(entry) }
}

/** Format first, then version, so an old or foreign file gets a sentence rather than a list of fields. */
function checkHeader(bundle: unknown): void {
  const header = bundle !== null && typeof bundle === 'object' && !Array.isArray(bundle) ? bundle : undefined
  const format = header && 'format' in header ? header.format : undefined
  if (format !== BUNDLE_FORMAT) {
    const found = format === undefined ? 'no format field' : `format ${JSON.stringify(format)}`
    throw new BundleError(`not a Memwall run bundle (${found}; expected format "${BUNDLE_FORMAT}")`)
  }
  const version = 'version' in header! ? header.version : undefined
  if (typeof version === 'number' && version !== BUNDLE_VERSION) {
    const why = version > BUNDLE_VERSION ? 'was written by a newer workbench' : 'is not supported'
    throw new BundleError(`bundle version ${version} ${why}: this workbench reads version ${BUNDLE_VERSION}`)
  }
}

/**
 * No field of a run nests deeper than MAX_BUNDLE_DEPTH: checked before anything recursive (the
 * schema, the seal's canonical JSON) walks it. A bundle's other fields are checked by the schema,
 * which stops at the first level that is not what it expects.
 */
function checkDepth(bundle: object): void {
  const runs = (bundle as { runs?: unknown }).runs
  if (!Array.isArray(runs)) return
  runs.forEach((run: unknown, index) => {
    if (typeof run !== 'object' || run === null) return
    for (const [field, value] of Object.entries(run)) {
      if (nestsDeeperThan(value, MAX_BUNDLE_DEPTH)) {
        throw new BundleError(`runs.${index}.${field}: nests deeper than ${MAX_BUNDLE_DEPTH} levels`)
      }
    }
  })
}

/** Each entry's seal and its result's provenance, against the entry as written (before parsing). */
function checkEntries(raw: Record<string, unknown>[], runs: RunBundle['runs']): void {
  runs.forEach((run, index) => {
    if (runChecksum(raw[index]!) !== run.checksum) {
      throw new BundleError(`runs.${index}.checksum: does not match the run's content (edited or damaged)`)
    }
    const at = `runs.${index}`
    const scenario = raw[index]!.scenario as Scenario
    if (scenarioHash(scenario) !== run.scenarioHash) {
      throw new BundleError(`${at}.scenarioHash: is not the hash of the run's scenario`)
    }
    if (scenario.seed !== run.seed) {
      throw new BundleError(`${at}.seed: ${run.seed} is not the scenario's seed ${scenario.seed}`)
    }
    if ((run.status === 'finished') !== (run.result !== null)) {
      throw new BundleError(`${at}.result: a finished run has a result and only a finished run has one`)
    }
    const provenance = run.result?.provenance
    if (provenance && provenance.simulatorVersion !== run.simulatorVersion) {
      throw new BundleError(`${at}.result.provenance.simulatorVersion: is not the run's simulatorVersion`)
    }
    if (provenance && provenance.scenarioHash !== run.scenarioHash) {
      throw new BundleError(`runs.${index}.result.provenance.scenarioHash: does not match the run's scenarioHash`)
    }
    if (provenance && provenance.seed !== run.seed) {
      throw new BundleError(
        `runs.${index}.result.provenance.seed: ${provenance.seed} is not the run's seed ${run.seed}`,
      )
    }
  })
}

/**
 * Run bundles: `export` seals stored runs into one self-describing file, `import` checks a whole
 * bundle (format, version, every field, every seal) before writing any of it, then stores each
 * run that is not already stored, in one transaction.
 */
export class BundleService {
  constructor(private readonly store: Store) {}

  export(runIds: number[]): RunBundle {
    const runs = [...new Set(runIds)].map((runId) => {
      const run = this.store.runs.getDetail(runId)
      if (!run) throw new NotFoundError(`run ${runId} does not exist`)
      if (isActiveStatus(run.status)) {
        throw new ConflictError(`run ${runId} is ${run.status}: export it once it has ended`)
      }
      return toEntry(run)
    })
    return {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      exportedAt: new Date().toISOString(),
      exportedBy: SIMULATOR_VERSION,
      runs,
    }
  }

  import(bundle: unknown): ImportReportDto {
    checkHeader(bundle)
    checkDepth(bundle as object)
    const parsed = RunBundleSchema.safeParse(bundle)
    if (!parsed.success) throw new BundleError(describeIssues(parsed.error))
    const raw = (bundle as { runs: Record<string, unknown>[] }).runs
    const runs = parsed.data.runs as BundledRun[]
    checkEntries(raw, runs)
    // The scenario and result as written, which the seal covers; parsing may fill in defaults.
    const entries = runs.map((run, index) => ({
      ...run,
      scenario: raw[index]!.scenario as BundledRun['scenario'],
      result: raw[index]!.result as BundledRun['result'],
    }))
    return this.store.transaction(() => this.write(entries))
  }

  private write(runs: BundledRun[]): ImportReportDto {
    const report: ImportReportDto = { imported: [], duplicates: [] }
    const seen = new Map<string, number>()
    const importedAt = new Date().toISOString()
    runs.forEach((run, bundleIndex) => {
      const duplicateKey = {
        scenarioHash: run.scenarioHash,
        seed: run.seed,
        seeds: run.seeds,
        simulatorVersion: run.simulatorVersion,
        status: run.status,
      }
      const key = Object.values(duplicateKey).join('|')
      const existingRunId = seen.get(key) ?? this.store.runs.findDuplicate(duplicateKey)
      if (existingRunId !== undefined) {
        report.duplicates.push({ bundleIndex, existingRunId })
        seen.set(key, existingRunId)
        return
      }
      const { sourceRunId: _source, checksum: _checksum, ...stored } = run
      const scenarioId = this.store.scenarios.upsert(run.scenario, run.scenarioHash, importedAt)
      const runId = this.store.runs.insertComplete({ ...stored, scenarioId, replayOf: null })
      report.imported.push({ bundleIndex, runId })
      seen.set(key, runId)
    })
    return report
  }
}
