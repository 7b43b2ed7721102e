import type {
  RunDetailDto,
  RunPageDto,
  RunQuery,
  RunResult,
  RunStatus,
  RunSummaryDto,
  Scenario,
  TagCountDto,
} from '../../contract/api'
import { upgradeResult } from '../../contract/resultUpgrade'
import type { Db } from './db'
import { packResult, unpackResult, type ResultColumn } from './resultColumns'
import { parseScenario, scenarioJson, traceArrivals, TracesRepository } from './traces'

/** The columns a summary needs: never the result, so a page of the history stays light. */
const SUMMARY_COLUMNS = `id, label, status, progress, created_at, started_at, finished_at, scenario_name, scenario_hash,
  systems, model, seed, seeds, simulator_version, error, notes, starred, replay_of`

interface SummaryRow {
  id: number
  label: string | null
  status: RunStatus
  progress: number
  created_at: string
  started_at: string | null
  finished_at: string | null
  scenario_name: string
  scenario_hash: string
  systems: string
  model: string
  seed: number
  seeds: number
  simulator_version: string
  error: string | null
  notes: string | null
  starred: 0 | 1
  replay_of: number | null
}

interface DocumentRow {
  scenario_json: string
  result_json: string | null
  result_trace_id: number | null
}

/** What every new run row carries. */
interface RunIdentity {
  scenarioId: number
  scenario: Scenario
  scenarioHash: string
  label: string | null
  simulatorVersion: string
  createdAt: string
  /** Seeds the run uses: more than one makes it a seed spread. */
  seeds?: number
}

export interface NewRun extends RunIdentity {
  /** Which process runs it; see `interruptAbandoned`. */
  owner: string
}

/** A run that has already ended, stored in one go: an import, or a replay kept as a run. */
export interface CompleteRun extends RunIdentity {
  seed: number
  seeds: number
  status: Exclude<RunStatus, 'queued' | 'running'>
  notes: string | null
  tags: string[]
  starred: boolean
  startedAt: string | null
  finishedAt: string | null
  error: string | null
  result: RunResult | null
  replayOf: number | null
}

/** What makes two stored runs the same run. */
export interface DuplicateKey {
  scenarioHash: string
  seed: number
  seeds: number
  simulatorVersion: string
  status: RunStatus
}

export interface RunPatch {
  label?: string | null | undefined
  notes?: string | null | undefined
  starred?: boolean | undefined
  tags?: string[] | undefined
}

const SORT_COLUMNS: Record<RunQuery['sort'], string> = {
  createdAt: 'created_at',
  finishedAt: 'finished_at',
  label: 'label',
  status: 'status',
  model: 'model',
  scenarioName: 'scenario_name',
}

/** `text` for a LIKE pattern that matches it anywhere, with LIKE's own wildcards escaped. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))].sort()
}

/** Stored runs. Every write is one statement or one transaction; rows become DTOs here. */
export class RunsRepository {
  private readonly traces: TracesRepository

  constructor(private readonly db: Db) {
    this.traces = new TracesRepository(db)
  }

  insert(run: NewRun): RunSummaryDto {
    const id = this.db
      .transaction(() =>
        this.insertRow(run, { seed: run.scenario.seed, seeds: run.seeds ?? 1, status: 'queued', owner: run.owner }),
      )
      .immediate()
    return this.getSummary(id)!
  }

  /** Stores a run that has already ended, its tags and its result, in one transaction. */
  insertComplete(run: CompleteRun): number {
    return this.db
      .transaction(() => {
        const id = this.insertRow(run, {
          seed: run.seed,
          seeds: run.seeds,
          status: run.status,
          owner: null,
          progress: run.status === 'finished' ? 1 : 0,
          notes: run.notes,
          starred: run.starred,
          startedAt: run.startedAt,
          finishedAt: run.finishedAt,
          error: run.error,
          replayOf: run.replayOf,
        })
        this.replaceTags(id, run.tags)
        if (run.result) this.writeResult(id, run.result)
        return id
      })
      .immediate()
  }

  getSummary(id: number): RunSummaryDto | undefined {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs WHERE id = ? AND deleted_at IS NULL`).get(id) as
      SummaryRow | undefined
    return row && this.summaries([row])[0]
  }

  getDetail(id: number): RunDetailDto | undefined {
    return this.db.transaction(() => {
      const summary = this.getSummary(id)
      if (!summary) return undefined
      const documents = this.db
        .prepare('SELECT scenario_json, result_json, result_trace_id FROM run_documents WHERE run_id = ?')
        .get(id) as DocumentRow
      // The scenario and the result's echo of it share one trace: read once, the same array in both.
      const readTrace = this.traces.reader()
      const result =
        documents.result_json === null
          ? null
          : this.readResult(id, documents.result_json, documents.result_trace_id, readTrace)
      return { ...summary, scenario: parseScenario<Scenario>(documents.scenario_json, readTrace), result }
    })()
  }

  /** One page of the history: filtered, sorted (ties by id in the same direction), and the count of all matches. */
  page(query: RunQuery): RunPageDto {
    // One read transaction: the page and its total see the same database.
    return this.db.transaction(() => this.readPage(query))()
  }

  private readPage(query: RunQuery): RunPageDto {
    const where = ['deleted_at IS NULL']
    const params: unknown[] = []
    const add = (clause: string, ...values: unknown[]): void => {
      where.push(clause)
      params.push(...values)
    }
    if (query.status) add('status = ?', query.status)
    if (query.model) add('model = ?', query.model)
    if (query.system) add(`systems LIKE ? ESCAPE '\\'`, containing(`,${query.system},`))
    if (query.label) add(`label LIKE ? ESCAPE '\\'`, containing(query.label))
    if (query.tag) add('id IN (SELECT run_id FROM run_tags WHERE tag = ?)', query.tag.trim())
    if (query.from) add('created_at >= ?', new Date(query.from).toISOString())
    if (query.to) add('created_at < ?', new Date(query.to).toISOString())
    if (query.text) {
      const pattern = containing(query.text)
      add(`(label LIKE ? ESCAPE '\\' OR notes LIKE ? ESCAPE '\\')`, pattern, pattern)
    }
    if (query.starred !== undefined) add('starred = ?', query.starred ? 1 : 0)
    const filter = where.join(' AND ')
    const direction = query.order === 'asc' ? 'ASC' : 'DESC'
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM runs WHERE ${filter}
         ORDER BY ${SORT_COLUMNS[query.sort]} ${direction}, id ${direction} LIMIT ? OFFSET ?`,
      )
      .all(...params, query.limit, query.offset) as SummaryRow[]
    const { total } = this.db.prepare(`SELECT COUNT(*) AS total FROM runs WHERE ${filter}`).get(...params) as {
      total: number
    }
    return { runs: this.summaries(rows), total }
  }

  /** The newest runs (the CLI's list and the renderer's recent runs). */
  recent(limit: number): RunSummaryDto[] {
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs WHERE deleted_at IS NULL ORDER BY id DESC LIMIT ?`)
      .all(limit) as SummaryRow[]
    return this.summaries(rows)
  }

  /** Changes a run's label, notes, star or whole tag set; undefined when it does not exist. */
  update(id: number, patch: RunPatch): RunSummaryDto | undefined {
    return this.db
      .transaction(() => {
        if (!this.getSummary(id)) return undefined
        if (patch.label !== undefined)
          this.db.prepare('UPDATE runs SET label = ? WHERE id = ?').run(patch.label || null, id)
        if (patch.notes !== undefined)
          this.db.prepare('UPDATE runs SET notes = ? WHERE id = ?').run(patch.notes || null, id)
        if (patch.starred !== undefined) {
          this.db.prepare('UPDATE runs SET starred = ? WHERE id = ?').run(patch.starred ? 1 : 0, id)
        }
        if (patch.tags !== undefined) this.replaceTags(id, patch.tags)
        return this.getSummary(id)
      })
      .immediate()
  }

  /** Hides runs until restored or purged; returns the ids it hid (unknown or already deleted ones are skipped). */
  softDelete(ids: readonly number[], now: string): number[] {
    const hide = this.db.prepare('UPDATE runs SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL')
    return this.db.transaction(() => ids.filter((id) => hide.run(now, id).changes > 0)).immediate()
  }

  /** Brings deleted runs back; returns the ids restored. */
  restore(ids: readonly number[]): number[] {
    const show = this.db.prepare('UPDATE runs SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL')
    return this.db.transaction(() => ids.filter((id) => show.run(id).changes > 0)).immediate()
  }

  /** Removes for good the runs deleted before `before` (their tags, columns and unshared traces go with them). */
  purgeDeleted(before: string): number {
    return this.db
      .transaction(() => {
        const { changes } = this.db
          .prepare('DELETE FROM runs WHERE deleted_at IS NOT NULL AND deleted_at < ?')
          .run(before)
        if (changes > 0) this.traces.purgeUnused()
        return changes
      })
      .immediate()
  }

  /** Every tag in use on a run that is not deleted, with how many runs carry it. */
  tags(): TagCountDto[] {
    return this.db
      .prepare(
        `SELECT tag, COUNT(*) AS runs FROM run_tags JOIN runs ON runs.id = run_tags.run_id
         WHERE runs.deleted_at IS NULL GROUP BY tag ORDER BY tag`,
      )
      .all() as TagCountDto[]
  }

  /**
   * A stored run (not deleted) that an incoming one would repeat: the same scenario, seed(s),
   * simulator version and outcome. A failed local run does not make a finished import a
   * duplicate, nor a single seed a seed spread.
   */
  findDuplicate(key: DuplicateKey): number | undefined {
    const row = this.db
      .prepare(
        `SELECT id FROM runs WHERE scenario_hash = ? AND seed = ? AND seeds = ? AND simulator_version = ? AND status = ?
           AND deleted_at IS NULL
         ORDER BY id LIMIT 1`,
      )
      .get(key.scenarioHash, key.seed, key.seeds, key.simulatorVersion, key.status) as { id: number } | undefined
    return row?.id
  }

  markRunning(id: number, now: string): void {
    this.db
      .prepare("UPDATE runs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'")
      .run(now, id)
  }

  setProgress(id: number, progress: number): void {
    this.db.prepare("UPDATE runs SET progress = ? WHERE id = ? AND status = 'running'").run(progress, id)
  }

  /** Stores the result and the finished status together: a reader sees both or neither. */
  markFinished(id: number, result: RunResult, now: string): void {
    this.db
      .transaction(() => {
        const { changes } = this.db
          .prepare(
            `UPDATE runs SET status = 'finished', progress = 1, started_at = COALESCE(started_at, ?), finished_at = ?,
               simulator_version = ?
           WHERE id = ? AND status IN ('queued', 'running')`,
          )
          .run(now, now, result.provenance.simulatorVersion, id)
        if (changes > 0) this.writeResult(id, result)
      })
      .immediate()
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
    if (abandoned.length > 0) this.db.transaction(() => abandoned.forEach((run) => mark.run(now, run.id))).immediate()
    return abandoned.length
  }

  /** The run's row and its documents: call inside a transaction, so neither lands alone. */
  private insertRow(
    run: RunIdentity,
    fields: {
      seed: number
      seeds: number
      status: RunStatus
      owner: string | null
      progress?: number
      notes?: string | null
      starred?: boolean
      startedAt?: string | null
      finishedAt?: string | null
      error?: string | null
      replayOf?: number | null
    },
  ): number {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO runs (scenario_id, label, status, progress, created_at, started_at, finished_at,
           scenario_hash, seed, seeds, simulator_version, owner, error, notes, starred, replay_of, scenario_name,
           model, systems)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.scenarioId,
        run.label,
        fields.status,
        fields.progress ?? 0,
        run.createdAt,
        fields.startedAt ?? null,
        fields.finishedAt ?? null,
        run.scenarioHash,
        fields.seed,
        fields.seeds,
        run.simulatorVersion,
        fields.owner,
        fields.error ?? null,
        fields.notes ?? null,
        fields.starred ? 1 : 0,
        fields.replayOf ?? null,
        run.scenario.name,
        run.scenario.workload.model,
        `,${run.scenario.systems.join(',')},`,
      )
    const id = Number(lastInsertRowid)
    const traceId = this.traces.saveFor(run.scenario)
    this.db
      .prepare('INSERT INTO run_documents (run_id, scenario_json, trace_id) VALUES (?, ?, ?)')
      .run(id, scenarioJson(run.scenario, traceId), traceId ?? null)
    return id
  }

  private replaceTags(id: number, tags: readonly string[]): void {
    this.db.prepare('DELETE FROM run_tags WHERE run_id = ?').run(id)
    const add = this.db.prepare('INSERT INTO run_tags (run_id, tag) VALUES (?, ?)')
    for (const tag of uniqueTags(tags)) add.run(id, tag)
  }

  private writeResult(id: number, result: RunResult): void {
    // The result echoes its scenario: a trace in it is the run's own, stored once (same content, same row).
    const arrivals = traceArrivals(result.scenario)
    const traceId = arrivals && this.traces.save(arrivals)
    const { json, columns } = packResult(
      result,
      traceId === undefined ? {} : { traces: new Map([[arrivals, traceId]]) },
    )
    this.db
      .prepare('UPDATE run_documents SET result_json = ?, result_trace_id = ? WHERE run_id = ?')
      .run(json, traceId ?? null, id)
    this.db.prepare('DELETE FROM run_columns WHERE run_id = ?').run(id)
    const add = this.db.prepare('INSERT INTO run_columns (run_id, slot, keys, rows, data) VALUES (?, ?, ?, ?, ?)')
    for (const column of columns) add.run(id, column.slot, JSON.stringify(column.keys), column.rows, column.data)
  }

  private readResult(
    id: number,
    json: string,
    traceId: number | null,
    readTrace: (id: number) => unknown[],
  ): RunResult {
    const rows = this.db.prepare('SELECT slot, keys, rows, data FROM run_columns WHERE run_id = ?').all(id) as {
      slot: number
      keys: string
      rows: number
      data: Buffer
    }[]
    const columns: ResultColumn[] = rows.map((row) => ({ ...row, keys: JSON.parse(row.keys) as string[] }))
    // Only a row that says it refers to a trace has its `{"$trace": id}` put back.
    const traces = traceId === null ? new Map<number, unknown>() : new Map([[traceId, readTrace(traceId)]])
    // Results stored before a rename read as today's (a seed spread was once `sweep`).
    return upgradeResult(unpackResult<RunResult>(json, columns, traces))
  }

  /** Rows to DTOs, with every row's tags from one query. */
  private summaries(rows: SummaryRow[]): RunSummaryDto[] {
    const tagsById = new Map<number, string[]>(rows.map((row) => [row.id, []]))
    if (rows.length > 0) {
      const tagRows = this.db
        .prepare(
          `SELECT run_id, tag FROM run_tags WHERE run_id IN (${rows.map(() => '?').join(',')}) ORDER BY run_id, tag`,
        )
        .all(...rows.map((row) => row.id)) as { run_id: number; tag: string }[]
      for (const { run_id, tag } of tagRows) tagsById.get(run_id)!.push(tag)
    }
    return rows.map((row) => ({
      id: row.id,
      label: row.label,
      status: row.status,
      progress: row.progress,
      scenarioName: row.scenario_name,
      scenarioHash: row.scenario_hash,
      systems: row.systems.split(',').filter((id) => id !== ''),
      model: row.model,
      seed: row.seed,
      seeds: row.seeds,
      simulatorVersion: row.simulator_version,
      createdAt: row.created_at,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      error: row.error,
      notes: row.notes,
      tags: tagsById.get(row.id) ?? [],
      starred: row.starred === 1,
      replayOf: row.replay_of,
    }))
  }
}
