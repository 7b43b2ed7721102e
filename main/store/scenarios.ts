import type { Scenario, ScenarioDto } from '../../preload/api'
import type { Db } from './db'

interface ScenarioRow {
  id: number
  hash: string
  name: string
  json: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

function toDto(row: ScenarioRow): ScenarioDto {
  return {
    id: row.id,
    name: row.name,
    hash: row.hash,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    scenario: JSON.parse(row.json) as Scenario,
  }
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
  constructor(private readonly db: Db) {}

  /** The id of the stored scenario with this hash and name, storing it first if new (a retired row stays retired). */
  upsert(scenario: Scenario, hash: string, now: string): number {
    this.db
      .prepare(
        `INSERT INTO scenarios (hash, name, json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (hash, name) DO NOTHING`,
      )
      .run(hash, scenario.name, JSON.stringify(scenario), now, now)
    return this.byKey(hash, scenario.name)!.id
  }

  /**
   * Saves a scenario: a new one, or (`replaces`) an edit of a saved one. One transaction; a
   * retired row with the same configuration and name comes back rather than clashing.
   */
  save(scenario: Scenario, hash: string, now: string, replaces?: number): SaveOutcome {
    return this.db.transaction((): SaveOutcome => {
      if (replaces !== undefined && !this.get(replaces)) return { missing: replaces }
      const existing = this.byKey(hash, scenario.name)
      if (existing && existing.id === replaces) {
        this.db.prepare('UPDATE scenarios SET updated_at = ? WHERE id = ?').run(now, existing.id)
        return { saved: this.get(existing.id)! }
      }
      if (existing && existing.deleted_at === null) return { clash: toDto(existing) }
      let id: number
      if (existing) {
        this.db.prepare('UPDATE scenarios SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(now, existing.id)
        id = existing.id
      } else {
        const { lastInsertRowid } = this.db
          .prepare('INSERT INTO scenarios (hash, name, json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(hash, scenario.name, JSON.stringify(scenario), now, now)
        id = Number(lastInsertRowid)
      }
      if (replaces !== undefined) this.retire(replaces, now)
      return { saved: this.get(id)! }
    })()
  }

  /** A saved scenario that has not been deleted. */
  get(id: number): ScenarioDto | undefined {
    const row = this.db.prepare('SELECT * FROM scenarios WHERE id = ? AND deleted_at IS NULL').get(id) as
      ScenarioRow | undefined
    return row && toDto(row)
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
    return rows.map(toDto)
  }

  private byKey(hash: string, name: string): ScenarioRow | undefined {
    return this.db.prepare('SELECT * FROM scenarios WHERE hash = ? AND name = ?').get(hash, name) as
      ScenarioRow | undefined
  }
}
