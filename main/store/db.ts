import Database from 'better-sqlite3'
import { existsSync, mkdirSync, statSync } from 'node:fs'
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

/** Above this size the page-by-page check would slow every start; the cheap checks still run. */
const FULL_CHECK_MAX_BYTES = 256 * 1024 * 1024

const leftUntouched = 'it was left untouched'

/**
 * Checks an existing file through a read-only connection before anything may write to it (even
 * the switch to WAL writes the header, and closing a read-write connection checkpoints a leftover
 * WAL into the file): something that is not SQLite, an SQLite file of another program, a damaged
 * database or one from a newer workbench is refused, byte for byte as it was.
 */
function inspect(path: string, latest: number): void {
  let probe: Db
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw new StoreOpenError(`${path} cannot be opened (${String(error)}); ${leftUntouched}`)
  }
  try {
    let version: number
    let tables: number
    let check = 'ok'
    try {
      version = schemaVersion(probe)
      tables = (probe.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n
      const bytes = statSync(path).size
      const pages = probe.pragma('page_count', { simple: true }) as number
      const pageSize = probe.pragma('page_size', { simple: true }) as number
      const walBytes = existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0
      // Pages the header counts but neither the file nor its WAL holds: the file was cut short.
      if (walBytes === 0 && pages * pageSize > bytes) check = `${bytes} bytes hold ${pages} pages of ${pageSize}`
      else if (bytes <= FULL_CHECK_MAX_BYTES)
        check = (probe.pragma('quick_check(1)', { simple: true }) as string) ?? 'ok'
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      // SQLite says SQLITE_CORRUPT for a damaged database, SQLITE_NOTADB for a file that is not one.
      const what =
        (error as { code?: string }).code === 'SQLITE_CORRUPT' ? 'is damaged' : 'is not a readable Memwall database'
      throw new StoreOpenError(
        `${path} ${what} (SQLite: ${message}); ${leftUntouched} — restore it from a backup or move it aside to start afresh`,
      )
    }
    if (check !== 'ok') {
      throw new StoreOpenError(
        `${path} is damaged (${check}); ${leftUntouched} — restore it from a backup or move it aside to start afresh`,
      )
    }
    if (version === 0 && tables > 0) {
      throw new StoreOpenError(
        `${path} is an SQLite database of another program (it has tables but no Memwall schema version); ${leftUntouched}`,
      )
    }
    if (version > latest) {
      throw new StoreOpenError(
        `${path} was written by a newer workbench (schema version ${version}; this one knows up to ${latest}); ${leftUntouched} — upgrade the workbench to open it`,
      )
    }
  } finally {
    probe.close()
  }
}

/**
 * Opens (creating if needed) the workbench database: checked first, then WAL journal so readers
 * never block the writer, foreign keys on, and every pending migration applied.
 */
export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  const inMemory = path === ':memory:'
  if (!inMemory) mkdirSync(dirname(path), { recursive: true })
  // An empty file is what SQLite itself would create: a new database.
  if (!inMemory && existsSync(path) && statSync(path).size > 0) inspect(path, migrations.at(-1)?.version ?? 0)
  let db: Db
  try {
    db = new Database(path)
  } catch (error) {
    throw new StoreOpenError(`${path} cannot be opened: ${error instanceof Error ? error.message : String(error)}`)
  }
  try {
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
