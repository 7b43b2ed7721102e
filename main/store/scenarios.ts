import type { Scenario, ScenarioDto } from '../../contract/api'
import type { Db } from './db'
import { parseScenario, scenarioJson, TracesRepository } from './traces'

interface ScenarioRow {
  id: number
  hash: string
  name: string
  json: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** What saving a scenario did, or why it could not. */
export type SaveOutcome =
  | { saved: ScenarioDto }
  | { missing: number }
  /** Another saved scenario already has this configuration and name. */
  | { clash: ScenarioDto }

/**
 * Scenarios, one row per (configuration hash, name): those users saved and those they ran. A
 * row's configuration never changes, since runs point at it; saving an edit stores the new
 * configuration and retires the old row (`deleted_at`), which its runs keep.
 */
export class ScenariosRepository {
  private readonly traces: TracesRepository

  constructor(private readonly db: Db) {
    this.traces = new TracesRepository(db)
  }

  /** The id of the stored scenario with this hash and name, storing it first if new (a retired row stays retired). */
  upsert(scenario: Scenario, hash: string, now: string): number {
    return this.db
      .transaction(() => {
        // Looked up first: a scenario stored already is neither serialised nor its trace packed again.
        const existing = this.db
          .prepare('SELECT id FROM scenarios WHERE hash = ? AND name = ?')
          .get(hash, scenario.name) as { id: number } | undefined
        return existing?.id ?? this.insert(scenario, hash, now)
      })
      .immediate()
  }

  /**
   * Saves a scenario: a new one, or (`replaces`) an edit of a saved one. One transaction; a
   * retired row with the same configuration and name comes back rather than clashing.
   */
  save(scenario: Scenario, hash: string, now: string, replaces?: number): SaveOutcome {
    return this.db
      .transaction((): SaveOutcome => {
        if (replaces !== undefined && !this.get(replaces)) return { missing: replaces }
        const existing = this.byKey(hash, scenario.name)
        if (existing && existing.id === replaces) {
          this.db.prepare('UPDATE scenarios SET updated_at = ? WHERE id = ?').run(now, existing.id)
          return { saved: this.get(existing.id)! }
        }
        if (existing && existing.deleted_at === null) return { clash: this.toDto(existing) }
        let id: number
        if (existing) {
          this.db.prepare('UPDATE scenarios SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(now, existing.id)
          id = existing.id
        } else {
          id = this.insert(scenario, hash, now)
        }
        if (replaces !== undefined) this.retire(replaces, now)
        return { saved: this.get(id)! }
      })
      .immediate()
  }

  /** A saved scenario that has not been deleted. */
  get(id: number): ScenarioDto | undefined {
    const row = this.db.prepare('SELECT * FROM scenarios WHERE id = ? AND deleted_at IS NULL').get(id) as
      ScenarioRow | undefined
    return row && this.toDto(row)
  }

  /** Takes a scenario out of the list; runs made from it keep their own copy. False if there was none. */
  retire(id: number, now: string): boolean {
    return (
      this.db.prepare('UPDATE scenarios SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, id).changes >
      0
    )
  }

  /** Saved scenarios, most recently saved first. */
  list(limit: number): ScenarioDto[] {
    const rows = this.db
      .prepare('SELECT * FROM scenarios WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT ?')
      .all(limit) as ScenarioRow[]
    return rows.map((row) => this.toDto(row))
  }

  /** A new row, its trace (if any) stored once beside it: call inside a transaction. */
  private insert(scenario: Scenario, hash: string, now: string): number {
    const traceId = this.traces.saveFor(scenario)
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO scenarios (hash, name, json, created_at, updated_at, trace_id) VALUES (?, ?, ?, ?, ?, ?)')
      .run(hash, scenario.name, scenarioJson(scenario, traceId), now, now, traceId ?? null)
    return Number(lastInsertRowid)
  }

  private toDto(row: ScenarioRow): ScenarioDto {
    return {
      id: row.id,
      name: row.name,
      hash: row.hash,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      scenario: parseScenario<Scenario>(row.json, this.traces.reader()),
    }
  }

  private byKey(hash: string, name: string): ScenarioRow | undefined {
    return this.db.prepare('SELECT * FROM scenarios WHERE hash = ? AND name = ?').get(hash, name) as
      ScenarioRow | undefined
  }
}
