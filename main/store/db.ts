import Database from 'better-sqlite3'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { MIGRATIONS, type Migration } from './migrations'

export type Db = Database.Database

/** A database the workbench will not open, and why; the file is left as it was. */
export class StoreOpenError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StoreOpenError'
  }
}

/**
 * Reads the file's schema version and checks its pages before anything writes to it: a damaged
 * file, something that is not SQLite, or a database from a newer workbench is refused untouched
 * (even the switch to WAL would write its header).
 */
function inspect(db: Db, path: string, latest: number): void {
  let version: number
  let check: string
  try {
    version = schemaVersion(db)
    check = (db.pragma('quick_check(1)', { simple: true }) as string) ?? 'ok'
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // SQLite says SQLITE_CORRUPT for a damaged database, SQLITE_NOTADB for a file that is not one.
    const what =
      (error as { code?: string }).code === 'SQLITE_CORRUPT' ? 'is damaged' : 'is not a readable Memwall database'
    throw new StoreOpenError(
      `${path} ${what} (SQLite: ${message}); it was left untouched — restore it from a backup or move it aside to start afresh`,
    )
  }
  if (check !== 'ok') {
    throw new StoreOpenError(
      `${path} is damaged (SQLite quick_check: ${check}); it was left untouched — restore it from a backup or move it aside to start afresh`,
    )
  }
  if (version > latest) {
    throw new StoreOpenError(
      `${path} was written by a newer workbench (schema version ${version}; this one knows up to ${latest}); it was left untouched — upgrade the workbench to open it`,
    )
  }
}

/**
 * Opens (creating if needed) the workbench database: checked first, then WAL journal so readers
 * never block the writer, foreign keys on, and every pending migration applied.
 */
export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  const inMemory = path === ':memory:'
  if (!inMemory) mkdirSync(dirname(path), { recursive: true })
  const existed = !inMemory && existsSync(path)
  let db: Db
  try {
    db = new Database(path)
  } catch (error) {
    throw new StoreOpenError(`${path} cannot be opened: ${error instanceof Error ? error.message : String(error)}`)
  }
  try {
    if (existed) inspect(db, path, migrations.at(-1)?.version ?? 0)
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    migrate(db, migrations)
    return db
  } catch (error) {
    db.close()
    throw error
  }
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
        throw new StoreOpenError(
          `database schema version ${current} is newer than this build knows (${latest}); upgrade the workbench`,
        )
      }
      if (migration.version > current) {
        if (typeof migration.up === 'string') db.exec(migration.up)
        else migration.up(db)
        db.pragma(`user_version = ${migration.version}`)
      }
    }).immediate()
  }
}
