import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { MIGRATIONS, type Migration } from './migrations'

export type Db = Database.Database

/**
 * Opens (creating if needed) the workbench database: WAL journal so readers never block the
 * writer, foreign keys on, and every pending migration applied.
 */
export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db, migrations)
  return db
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Applies pending migrations. The version is read inside an IMMEDIATE transaction, so two
 * processes opening a new database at once cannot both apply the same migration.
 */
function migrate(db: Db, migrations: readonly Migration[]): void {
  const latest = migrations.at(-1)?.version ?? 0
  for (const migration of migrations) {
    db.transaction(() => {
      const current = schemaVersion(db)
      if (current > latest) {
        throw new Error(
          `database schema version ${current} is newer than this build knows (${latest}); upgrade the workbench`,
        )
      }
      if (migration.version > current) {
        db.exec(migration.sql)
        db.pragma(`user_version = ${migration.version}`)
      }
    }).immediate()
  }
}
