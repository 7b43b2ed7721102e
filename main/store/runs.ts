import type { RunDetailDto, RunResult, RunStatus, RunSummaryDto, Scenario } from '../../preload/api'
import type { Db } from './db'

interface RunRow {
  id: number
  label: string | null
  status: RunStatus
  progress: number
  created_at: string
  started_at: string | null
  finished_at: string | null
  scenario_json: string
  scenario_hash: string
  seed: number
  simulator_version: string
  owner: string | null
  result_json: string | null
  error: string | null
}

export interface NewRun {
  scenarioId: number
  scenario: Scenario
  scenarioHash: string
  label: string | null
  simulatorVersion: string
  createdAt: string
  /** Which process runs it; see `interruptAbandoned`. */
  owner: string
}

function toSummary(row: RunRow): RunSummaryDto {
  const scenario = JSON.parse(row.scenario_json) as Scenario
  return {
    id: row.id,
    label: row.label,
    status: row.status,
    progress: row.progress,
    scenarioName: scenario.name,
    scenarioHash: row.scenario_hash,
    systems: scenario.systems,
    model: scenario.workload.model,
    seed: row.seed,
    simulatorVersion: row.simulator_version,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error,
  }
}

/** Stored runs. Every write is one statement or one transaction; rows become DTOs here. */
export class RunsRepository {
  constructor(private readonly db: Db) {}

  insert(run: NewRun): RunSummaryDto {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO runs (scenario_id, label, status, progress, created_at, scenario_json, scenario_hash, seed, simulator_version, owner)
         VALUES (?, ?, 'queued', 0, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.scenarioId,
        run.label,
        run.createdAt,
        JSON.stringify(run.scenario),
        run.scenarioHash,
        run.scenario.seed,
        run.simulatorVersion,
        run.owner,
      )
    return this.getSummary(Number(lastInsertRowid))!
  }

  getSummary(id: number): RunSummaryDto | undefined {
    const row = this.row(id)
    return row && toSummary(row)
  }

  getDetail(id: number): RunDetailDto | undefined {
    const row = this.row(id)
    if (!row) return undefined
    const result = row.result_json === null ? null : (JSON.parse(row.result_json) as RunResult)
    return { ...toSummary(row), scenario: JSON.parse(row.scenario_json) as Scenario, result }
  }

  list(limit: number, status?: RunStatus): RunSummaryDto[] {
    const rows = status
      ? this.db.prepare('SELECT * FROM runs WHERE status = ? ORDER BY id DESC LIMIT ?').all(status, limit)
      : this.db.prepare('SELECT * FROM runs ORDER BY id DESC LIMIT ?').all(limit)
    return (rows as RunRow[]).map(toSummary)
  }

  markRunning(id: number, now: string): void {
    this.db
      .prepare("UPDATE runs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'")
      .run(now, id)
  }

  setProgress(id: number, progress: number): void {
    this.db.prepare("UPDATE runs SET progress = ? WHERE id = ? AND status = 'running'").run(progress, id)
  }

  markFinished(id: number, result: RunResult, now: string): void {
    this.db
      .prepare(
        `UPDATE runs SET status = 'finished', progress = 1, started_at = COALESCE(started_at, ?), finished_at = ?,
             result_json = ?, simulator_version = ?
         WHERE id = ? AND status IN ('queued', 'running')`,
      )
      .run(now, now, JSON.stringify(result), result.provenance.simulatorVersion, id)
  }

  /** Ends a run that did not finish: failed, cancelled or interrupted, with the reason. */
  markEnded(
    id: number,
    status: Exclude<RunStatus, 'queued' | 'running' | 'finished'>,
    error: string,
    now: string,
  ): void {
    this.db
      .prepare(
        "UPDATE runs SET status = ?, error = ?, finished_at = ? WHERE id = ? AND status IN ('queued', 'running')",
      )
      .run(status, error, now, id)
  }

  /**
   * Marks interrupted the unfinished runs whose owner is gone (a crash, a kill): another live
   * process sharing this database keeps its runs. Returns how many were marked.
   */
  interruptAbandoned(isAbandoned: (owner: string | null) => boolean, now: string): number {
    const unfinished = this.db.prepare("SELECT id, owner FROM runs WHERE status IN ('queued', 'running')").all() as {
      id: number
      owner: string | null
    }[]
    const mark = this.db.prepare(
      `UPDATE runs SET status = 'interrupted', finished_at = ?, error = 'the workbench stopped before this run ended'
       WHERE id = ? AND status IN ('queued', 'running')`,
    )
    const abandoned = unfinished.filter((run) => isAbandoned(run.owner))
    this.db.transaction(() => abandoned.forEach((run) => mark.run(now, run.id)))()
    return abandoned.length
  }

  private row(id: number): RunRow | undefined {
    return this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined
  }
}
