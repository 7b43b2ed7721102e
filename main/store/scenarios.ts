import type { Scenario, ScenarioDto } from '../../preload/api'
import type { Db } from './db'

interface ScenarioRow {
  id: number
  hash: string
  name: string
  json: string
  created_at: string
}

function toDto(row: ScenarioRow): ScenarioDto {
  return {
    id: row.id,
    name: row.name,
    hash: row.hash,
    createdAt: row.created_at,
    scenario: JSON.parse(row.json) as Scenario,
  }
}

/** Scenarios as users ran them, one row per (configuration hash, name). */
export class ScenariosRepository {
  constructor(private readonly db: Db) {}

  /** The id of the stored scenario with this hash and name, storing it first if new. */
  upsert(scenario: Scenario, hash: string, now: string): number {
    this.db
      .prepare(
        'INSERT INTO scenarios (hash, name, json, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (hash, name) DO NOTHING',
      )
      .run(hash, scenario.name, JSON.stringify(scenario), now)
    const row = this.db.prepare('SELECT id FROM scenarios WHERE hash = ? AND name = ?').get(hash, scenario.name) as {
      id: number
    }
    return row.id
  }

  list(limit: number): ScenarioDto[] {
    const rows = this.db.prepare('SELECT * FROM scenarios ORDER BY id DESC LIMIT ?').all(limit) as ScenarioRow[]
    return rows.map(toDto)
  }
}
