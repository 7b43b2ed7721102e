import Database from 'better-sqlite3'
import type { Scenario, SweepAxis, SweepPointDto, SweepStatus, SweepSummaryDto } from '../../contract/api'
import type { Db } from './db'

const SUMMARY_COLUMNS = `id, label, status, json_extract(scenario_json, '$.name') AS scenario_name,
  json_extract(scenario_json, '$.systems') AS systems_json, axes_json, seeds, points, done, failed, sweep_hash,
  simulator_version, created_at, finished_at, error`

interface SummaryRow {
  id: number
  label: string | null
  status: SweepStatus
  scenario_name: string | null
  systems_json: string | null
  axes_json: string
  seeds: number
  points: number
  done: number
  failed: number
  sweep_hash: string
  simulator_version: string
  created_at: string
  finished_at: string | null
  error: string | null
}

interface PointRow {
  idx: number
  values_json: string
  status: SweepPointDto['status']
  error: string | null
  metrics_json: string | null
}

export interface NewSweep {
  label: string | null
  scenario: Scenario
  axes: SweepAxis[]
  seeds: number
  sweepHash: string
  simulatorVersion: string
  owner: string | null
  createdAt: string
}

/** What a chunk answered for one point: its metrics, or why it failed. */
export type PointRecord =
  | { index: number; status: 'done'; metrics: SweepPointDto['metrics'] }
  | { index: number; status: 'failed'; error: string }

/** A sweep as another database holds it, for `memwall merge`. */
export interface StoredSweep extends NewSweep {
  status: SweepStatus
  points: SweepPointDto[]
}

function toSummary(row: SummaryRow): SweepSummaryDto {
  return {
    id: row.id,
    label: row.label,
    status: row.status,
    scenarioName: row.scenario_name ?? '',
    systems: row.systems_json ? (JSON.parse(row.systems_json) as string[]) : [],
    axes: JSON.parse(row.axes_json) as SweepAxis[],
    seeds: row.seeds,
    points: row.points,
    done: row.done,
    failed: row.failed,
    sweepHash: row.sweep_hash,
    simulatorVersion: row.simulator_version,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    error: row.error,
  }
}

type Metrics = SweepPointDto['metrics']
type StoredSpread = number | [number, number, number] | null

/** A spread is stored as one number when P5, median and P95 agree (one seed), else as [P5, P50, P95]. */
function packMetrics(metrics: Metrics): string {
  const packed: Record<string, Record<string, StoredSpread>> = {}
  for (const [system, row] of Object.entries(metrics)) {
    packed[system] = {}
    for (const [name, spread] of Object.entries(row)) {
      packed[system][name] = !spread
        ? null
        : spread.p5 === spread.p95
          ? spread.p50
          : [spread.p5, spread.p50, spread.p95]
    }
  }
  return JSON.stringify(packed)
}

function unpackMetrics(json: string): Metrics {
  const packed = JSON.parse(json) as Record<string, Record<string, StoredSpread>>
  const metrics: Record<string, Record<string, unknown>> = {}
  for (const [system, row] of Object.entries(packed)) {
    metrics[system] = {}
    for (const [name, value] of Object.entries(row)) {
      metrics[system][name] =
        value === null
          ? null
          : typeof value === 'number'
            ? { p5: value, p50: value, p95: value }
            : { p5: value[0], p50: value[1], p95: value[2] }
    }
  }
  return metrics as Metrics
}

function toPoint(row: PointRow): SweepPointDto {
  return {
    index: row.idx,
    values: JSON.parse(row.values_json) as SweepPointDto['values'],
    status: row.status,
    error: row.error,
    metrics: row.metrics_json ? unpackMetrics(row.metrics_json) : {},
  }
}

const ACTIVE = "('queued', 'running')"

/** Stored sweeps and their points. Each chunk's points land in one transaction with the counts. */
export class SweepsRepository {
  constructor(private readonly db: Db) {}

  /** The sweep and every grid point (pending), in one transaction. */
  insert(sweep: NewSweep, values: readonly (readonly unknown[])[], status: SweepStatus = 'queued'): SweepSummaryDto {
    const id = this.db
      .transaction(() => {
        const { lastInsertRowid } = this.db
          .prepare(
            `INSERT INTO sweeps (label, status, scenario_json, axes_json, seeds, sweep_hash, simulator_version, points,
             owner, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            sweep.label,
            status,
            JSON.stringify(sweep.scenario),
            JSON.stringify(sweep.axes),
            sweep.seeds,
            sweep.sweepHash,
            sweep.simulatorVersion,
            values.length,
            sweep.owner,
            sweep.createdAt,
          )
        const insertPoint = this.db.prepare('INSERT INTO sweep_points (sweep_id, idx, values_json) VALUES (?, ?, ?)')
        values.forEach((pointValues, index) => insertPoint.run(lastInsertRowid, index, JSON.stringify(pointValues)))
        return Number(lastInsertRowid)
      })
      .immediate()
    return this.getSummary(id)!
  }

  getSummary(id: number): SweepSummaryDto | undefined {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM sweeps WHERE id = ? AND deleted_at IS NULL`).get(id) as
      SummaryRow | undefined
    return row && toSummary(row)
  }

  /** The newest sweeps first. */
  list(limit: number): SweepSummaryDto[] {
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM sweeps WHERE deleted_at IS NULL ORDER BY id DESC LIMIT ?`)
      .all(limit) as SummaryRow[]
    return rows.map(toSummary)
  }

  /** The summary, the base scenario and every point, read in one transaction. */
  getDetail(id: number): { summary: SweepSummaryDto; scenario: Scenario; points: SweepPointDto[] } | undefined {
    return this.db.transaction(() => {
      const summary = this.getSummary(id)
      if (!summary) return undefined
      const { scenario_json } = this.db.prepare('SELECT scenario_json FROM sweeps WHERE id = ?').get(id) as {
        scenario_json: string
      }
      return { summary, scenario: JSON.parse(scenario_json) as Scenario, points: this.points(id) }
    })()
  }

  points(id: number): SweepPointDto[] {
    const rows = this.db
      .prepare('SELECT idx, values_json, status, error, metrics_json FROM sweep_points WHERE sweep_id = ? ORDER BY idx')
      .all(id) as PointRow[]
    return rows.map(toPoint)
  }

  /** Indices still to run: pending and failed points, in order. */
  unfinishedIndices(id: number): number[] {
    return (
      this.db.prepare("SELECT idx FROM sweep_points WHERE sweep_id = ? AND status != 'done' ORDER BY idx").all(id) as {
        idx: number
      }[]
    ).map((row) => row.idx)
  }

  /** A chunk's points and the sweep's counts, in one transaction; a point done already stays as it is. */
  recordPoints(id: number, records: readonly PointRecord[]): void {
    const read = this.db.prepare('SELECT status FROM sweep_points WHERE sweep_id = ? AND idx = ?')
    const write = this.db.prepare(
      'UPDATE sweep_points SET status = ?, error = ?, metrics_json = ? WHERE sweep_id = ? AND idx = ?',
    )
    this.db
      .transaction(() => {
        let done = 0
        let failed = 0
        for (const record of records) {
          const before = (read.get(id, record.index) as { status: SweepPointDto['status'] } | undefined)?.status
          if (before === undefined || before === 'done') continue
          if (record.status === 'done') {
            write.run('done', null, packMetrics(record.metrics), id, record.index)
            done += 1
            if (before === 'failed') failed -= 1
          } else {
            write.run('failed', record.error, null, id, record.index)
            if (before === 'pending') failed += 1
          }
        }
        this.db.prepare('UPDATE sweeps SET done = done + ?, failed = failed + ? WHERE id = ?').run(done, failed, id)
      })
      .immediate()
  }

  /** Running again (a start or a resume) in this process: the last end and its error are cleared. */
  markRunning(id: number, owner: string): void {
    this.db
      .prepare("UPDATE sweeps SET status = 'running', owner = ?, finished_at = NULL, error = NULL WHERE id = ?")
      .run(owner, id)
  }

  /** Ends a sweep that is queued or running. */
  markEnded(id: number, status: Exclude<SweepStatus, 'queued' | 'running'>, error: string | null, now: string): void {
    this.db
      .prepare(`UPDATE sweeps SET status = ?, error = ?, finished_at = ? WHERE id = ? AND status IN ${ACTIVE}`)
      .run(status, error, now, id)
  }

  /** Hides a sweep; purged, points and all, at a later start. */
  softDelete(id: number, now: string): boolean {
    return (
      this.db.prepare('UPDATE sweeps SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, id).changes > 0
    )
  }

  purgeDeleted(before: string): number {
    return this.db.prepare('DELETE FROM sweeps WHERE deleted_at IS NOT NULL AND deleted_at < ?').run(before).changes
  }

  /** Marks interrupted the queued or running sweeps whose owner is gone; returns how many. */
  interruptAbandoned(isAbandoned: (owner: string | null) => boolean, now: string): number {
    const unfinished = this.db.prepare(`SELECT id, owner FROM sweeps WHERE status IN ${ACTIVE}`).all() as {
      id: number
      owner: string | null
    }[]
    const abandoned = unfinished.filter((sweep) => isAbandoned(sweep.owner))
    if (abandoned.length > 0) {
      this.db
        .transaction(() =>
          abandoned.forEach((sweep) =>
            this.markEnded(sweep.id, 'interrupted', 'the workbench stopped before this sweep ended', now),
          ),
        )
        .immediate()
    }
    return abandoned.length
  }

  /** Live sweeps with this grid, oldest first. */
  findByHash(sweepHash: string): number[] {
    return (
      this.db
        .prepare('SELECT id FROM sweeps WHERE sweep_hash = ? AND deleted_at IS NULL ORDER BY id')
        .all(sweepHash) as { id: number }[]
    ).map((row) => row.id)
  }

  /**
   * Writes merged points into a sweep in one transaction (done and failed ones; pending ones are
   * left), recounts it, and sets its status: finished when nothing is pending.
   */
  mergePoints(id: number, points: readonly SweepPointDto[], now: string): SweepSummaryDto {
    const write = this.db.prepare(
      'UPDATE sweep_points SET status = ?, error = ?, metrics_json = ? WHERE sweep_id = ? AND idx = ?',
    )
    this.db
      .transaction(() => {
        for (const point of points) {
          if (point.status === 'pending') continue
          const metrics = point.status === 'done' ? packMetrics(point.metrics) : null
          write.run(point.status, point.error, metrics, id, point.index)
        }
        this.db
          .prepare(
            `UPDATE sweeps SET
             done = (SELECT COUNT(*) FROM sweep_points WHERE sweep_id = @id AND status = 'done'),
             failed = (SELECT COUNT(*) FROM sweep_points WHERE sweep_id = @id AND status = 'failed')
           WHERE id = @id`,
          )
          .run({ id })
        const pending = this.db
          .prepare("SELECT COUNT(*) AS n FROM sweep_points WHERE sweep_id = ? AND status = 'pending'")
          .get(id) as { n: number }
        const status: SweepStatus = pending.n === 0 ? 'finished' : 'interrupted'
        const error = pending.n === 0 ? null : `${pending.n} point(s) not in any merged shard: resume runs them`
        this.db
          .prepare('UPDATE sweeps SET status = ?, error = ?, finished_at = ? WHERE id = ?')
          .run(status, error, now, id)
      })
      .immediate()
    return this.getSummary(id)!
  }
}

/** Every live sweep of another workbench database, read through a read-only connection. */
export function readSweepsFile(path: string): StoredSweep[] {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sweeps'").all()
    if (tables.length === 0) return []
    const rows = db
      .prepare(
        `SELECT id, label, status, scenario_json, axes_json, seeds, sweep_hash, simulator_version, owner, created_at
         FROM sweeps WHERE deleted_at IS NULL ORDER BY id`,
      )
      .all() as {
      id: number
      label: string | null
      status: SweepStatus
      scenario_json: string
      axes_json: string
      seeds: number
      sweep_hash: string
      simulator_version: string
      owner: string | null
      created_at: string
    }[]
    const repository = new SweepsRepository(db)
    return rows.map((row) => ({
      label: row.label,
      status: row.status,
      scenario: JSON.parse(row.scenario_json) as Scenario,
      axes: JSON.parse(row.axes_json) as SweepAxis[],
      seeds: row.seeds,
      sweepHash: row.sweep_hash,
      simulatorVersion: row.simulator_version,
      owner: row.owner,
      createdAt: row.created_at,
      points: repository.points(row.id),
    }))
  } finally {
    db.close()
  }
}
