import {
  isActiveStatus,
  scenarioHash,
  ScenarioSchema,
  type ReplayCause,
  type ReplayReportDto,
  type RunDetailDto,
  type RunResult,
  type Scenario,
} from '../../contract/api'
import { describeIssues } from '../../contract/validation'
import { SIMULATOR_VERSION } from '../sim'
import { packResult, unpackResult, type Store } from '../store'
import type { SimPool } from '../workers/pool'
import { ConflictError, NotFoundError } from './errors'
import type { Logger } from './logger'
import { diffResults } from './resultDiff'
import { simulateRun } from './simulation'

const now = (): string => new Date().toISOString()

/** The result as the store would give it back (JSON drops `undefined` and turns −0 into 0), compared like for like. */
function asStored(result: RunResult): RunResult {
  const { json, columns } = packResult(result)
  return unpackResult<RunResult>(json, columns)
}

function assumptionValues(result: RunResult): Map<string, unknown> {
  return new Map(result.assumptions.map((entry) => [entry.name, entry.value]))
}

/** "name a → b" for every assumption whose value differs, or absent on one side. */
function assumptionChanges(original: RunResult, replay: RunResult): string[] {
  const before = assumptionValues(original)
  const after = assumptionValues(replay)
  const names = new Set([...before.keys(), ...after.keys()])
  const show = (values: Map<string, unknown>, name: string): string =>
    values.has(name) ? JSON.stringify(values.get(name)) : '(absent)'
  return [...names]
    .filter((name) => !(before.has(name) && after.has(name) && Object.is(before.get(name), after.get(name))))
    .map((name) => `${name} ${show(before, name)} → ${show(after, name)}`)
}

/** Labels hold at most 200 characters (the bundle format checks it). */
function replayLabel(run: RunDetailDto): string {
  return run.label ? `${run.label.slice(0, 200 - ' (replay)'.length)} (replay)` : `replay of #${run.id}`
}

function causesOf(run: RunDetailDto, replayHash: string, replay: RunResult): ReplayCause[] {
  const causes: ReplayCause[] = []
  if (run.simulatorVersion !== SIMULATOR_VERSION) {
    causes.push({ kind: 'simulatorVersion', detail: `simulator ${run.simulatorVersion} → ${SIMULATOR_VERSION}` })
  }
  if (run.scenarioHash !== replayHash) {
    causes.push({
      kind: 'scenarioMigrated',
      detail: `the stored scenario reads differently today (hash ${run.scenarioHash.slice(0, 12)} → ${replayHash.slice(0, 12)}): the schema filled in new defaults or changed a field`,
    })
  }
  if (!run.result) {
    causes.push({
      kind: 'noStoredResult',
      detail: `run ${run.id} was ${run.status} and has no stored result: the replay is a fresh run`,
    })
    return causes
  }
  const assumptions = assumptionChanges(run.result, replay)
  if (assumptions.length > 0) {
    causes.push({ kind: 'assumptions', detail: `assumptions changed: ${assumptions.join('; ')}` })
  }
  if (causes.length === 0) {
    causes.push({
      kind: 'unexplained',
      detail:
        'same simulator, scenario and assumptions, yet the result differs: the stored result was altered or the simulation is not deterministic',
    })
  }
  return causes
}

/**
 * Runs a stored run's scenario again, same seed and seeds, and compares the result with the
 * stored one leaf by leaf. A replay that differs says which metrics moved and the likely causes;
 * kept, it becomes a new run linked to the original. The original is never changed.
 */
export class ReplayService {
  constructor(
    private readonly store: Store,
    private readonly pool: SimPool,
    private readonly log: Logger,
  ) {}

  async replay(runId: number, keep: boolean): Promise<ReplayReportDto> {
    const run = this.store.runs.getDetail(runId)
    if (!run) throw new NotFoundError(`run ${runId} does not exist`)
    if (isActiveStatus(run.status)) {
      throw new ConflictError(`run ${runId} is ${run.status}: replay it once it has ended`)
    }
    const scenario = this.revalidate(run)
    const hash = scenarioHash(scenario)
    const startedAt = now()
    const replayResult = asStored(await simulateRun(this.pool, scenario, run.seeds))
    const finishedAt = now()

    const { changes, changeCount } = run.result
      ? diffResults(run.result, replayResult)
      : { changes: [], changeCount: 0 }
    const reproduced = run.result !== null && changeCount === 0
    const keptRunId = keep ? this.keep(run, scenario, hash, replayResult, startedAt, finishedAt) : null
    this.log.info(
      `[ReplayService] run ${runId} ${reproduced ? 'reproduced' : `differs (${changeCount} change(s))`}${keptRunId ? `, kept as run ${keptRunId}` : ''}`,
    )
    return {
      runId,
      reproduced,
      original: { simulatorVersion: run.simulatorVersion, scenarioHash: run.scenarioHash, seed: run.seed },
      replay: { simulatorVersion: SIMULATOR_VERSION, scenarioHash: hash, seed: scenario.seed },
      causes: reproduced ? [] : causesOf(run, hash, replayResult),
      changes,
      changeCount,
      keptRunId,
      originalResult: run.result,
      replayResult,
    }
  }

  /** The stored scenario as today's schema reads it; one that no longer validates cannot be replayed. */
  private revalidate(run: RunDetailDto): Scenario {
    const parsed = ScenarioSchema.safeParse(run.scenario)
    if (parsed.success) return parsed.data
    throw new ConflictError(
      `run ${run.id} cannot be replayed: its stored scenario no longer validates (${describeIssues(parsed.error, 'scenario')}); the stored run is untouched`,
    )
  }

  private keep(
    run: RunDetailDto,
    scenario: Scenario,
    hash: string,
    result: RunResult,
    startedAt: string,
    finishedAt: string,
  ): number {
    return this.store.transaction(() => {
      const scenarioId = this.store.scenarios.upsert(scenario, hash, finishedAt)
      return this.store.runs.insertComplete({
        scenarioId,
        scenario,
        scenarioHash: hash,
        seed: scenario.seed,
        seeds: run.seeds,
        simulatorVersion: SIMULATOR_VERSION,
        status: 'finished',
        label: replayLabel(run),
        notes: null,
        tags: [],
        starred: false,
        createdAt: startedAt,
        startedAt,
        finishedAt,
        error: null,
        result,
        replayOf: run.id,
      })
    })
  }
}
