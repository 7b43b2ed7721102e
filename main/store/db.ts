import Database from 'better-sqlite3'
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { MIGRATIONS, type Migration } from './migrations'

export type Db = Database.Database

/** A database the workbench will not open, and why; the file is left as it was. */
export class StoreOpenError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StoreOpenError'
  }
}

export interface OpenOptions {
  /** Whether this process may write `path` (a file or a folder); tests stand in for read-only media. */
  isWritable?: (path: string) => boolean
}

/** Above this size the page-by-page check would slow every start; the cheap checks still run. */
const FULL_CHECK_MAX_BYTES = 256 * 1024 * 1024

/** How long a statement waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000

/** `PRAGMA application_id` of a workbench database ("MWWB"); older ones have 0 until next opened. */
export const APPLICATION_ID = 0x4d57_5742

const leftUntouched = 'it was left untouched'

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    // EACCES (permissions), EROFS (read-only media), EPERM (an immutable file)
    return false
  }
}

const size = (path: string): number => (existsSync(path) ? statSync(path).size : 0)

/**
 * SQLite writes the file and, beside it, its `-wal` and `-shm` (or a `-journal`): the file and its
 * folder must be writable, or the side files exist already and are. On read-only media, an
 * immutable file or a folder of someone else's, the refusal names the file and says why, before
 * anything is opened, so no side file is left behind.
 */
function checkWritable(path: string, exists: boolean, isWritable: (path: string) => boolean): void {
  const folder = dirname(path)
  const sideFiles = [`${path}-wal`, `${path}-shm`]
  const folderOk = isWritable(folder) || (exists && sideFiles.every((side) => existsSync(side) && isWritable(side)))
  if (exists && !isWritable(path)) {
    throw new StoreOpenError(
      `${path} is read-only (this process may not write it); ${leftUntouched} — the workbench records every run in it, so open a writable copy or make it writable`,
    )
  }
  if (!folderOk) {
    const what = exists ? `${path} is in a read-only folder` : `${path} cannot be created: its folder is read-only`
    throw new StoreOpenError(
      `${what} (${folder}: SQLite keeps its journal beside the database); ${exists ? `${leftUntouched} — ` : ''}open a writable copy or make the folder writable`,
    )
  }
}

/**
 * A connection for `inspect` that writes nothing and leaves no side file behind:
 * - without WAL content, a read-write connection that only reads: as the last one to close it
 *   removes the `-wal` and `-shm` it made (a read-only one cannot, and leaves them empty), and a
 *   WAL that holds nothing gives the file nothing to take back;
 * - with WAL content and its `-shm`, a read-only connection, which creates nothing;
 * - with WAL content but no `-shm` (copied, or an unclean end), a read-only connection to a copy
 *   of both in a temporary folder, which `release` removes;
 * - beside a rollback journal, read-only, so that SQLite does not roll the file back.
 */
function probeConnection(path: string): { probe: Db; release: () => void } {
  const walContent = size(`${path}-wal`) > 0
  if (walContent && !existsSync(`${path}-shm`)) {
    const folder = mkdtempSync(join(tmpdir(), 'memwall-inspect-'))
    const release = (): void => rmSync(folder, { recursive: true, force: true })
    try {
      const copy = join(folder, basename(path))
      copyFileSync(path, copy)
      copyFileSync(`${path}-wal`, `${copy}-wal`)
      return { probe: new Database(copy, { readonly: true, fileMustExist: true }), release }
    } catch (error) {
      release()
      throw error
    }
  }
  const readonly = walContent || size(`${path}-journal`) > 0
  return { probe: new Database(path, { readonly, fileMustExist: true }), release: () => {} }
}

/** The tables the migrations up to `version` created: what a workbench database of that version has. */
function tablesOf(version: number, migrations: readonly Migration[]): string[] {
  return migrations.filter((migration) => migration.version <= version).flatMap((migration) => migration.tables ?? [])
}

/**
 * Checks an existing file before anything may write to it (even the switch to WAL writes the
 * header, and closing a connection checkpoints a leftover WAL into the file): something that is
 * not SQLite, an SQLite file of another program, a damaged database or one from a newer
 * workbench is refused, byte for byte as it was, with no side file left behind.
 */
function inspect(path: string, migrations: readonly Migration[]): void {
  const latest = migrations.at(-1)?.version ?? 0
  let opened: ReturnType<typeof probeConnection>
  try {
    opened = probeConnection(path)
  } catch (error) {
    throw new StoreOpenError(`${path} cannot be opened (${String(error)}); ${leftUntouched}`)
  }
  const { probe } = opened
  try {
    let version: number
    let applicationId: number
    let tables: Set<string>
    let check = 'ok'
    try {
      version = schemaVersion(probe)
      applicationId = probe.pragma('application_id', { simple: true }) as number
      tables = new Set(
        (probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
          (row) => row.name,
        ),
      )
      const bytes = statSync(path).size
      const pages = probe.pragma('page_count', { simple: true }) as number
      const pageSize = probe.pragma('page_size', { simple: true }) as number
      // Pages the header counts but neither the file nor its WAL holds: the file was cut short.
      if (size(`${path}-wal`) === 0 && pages * pageSize > bytes)
        check = `${bytes} bytes hold ${pages} pages of ${pageSize}`
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
    if (applicationId !== 0 && applicationId !== APPLICATION_ID) {
      throw new StoreOpenError(
        `${path} is not a Memwall Workbench database (it is marked as another program's: application id 0x${applicationId.toString(16)}); ${leftUntouched}`,
      )
    }
    if (version === 0 && tables.size > 0) {
      throw new StoreOpenError(
        `${path} is an SQLite database of another program (it has tables but no Memwall schema version); ${leftUntouched}`,
      )
    }
    // Another program may number its schema too: a version of ours comes with the tables it made.
    // A newer workbench's schema is unknown here, but every version has had `runs`.
    const expected = version > latest ? ['runs'] : tablesOf(version, migrations)
    const missing = expected.filter((table) => !tables.has(table))
    if (version > 0 && missing.length > 0) {
      throw new StoreOpenError(
        `${path} is not a Memwall Workbench database (schema version ${version}, but no ${missing.join(', ')} table); ${leftUntouched}`,
      )
    }
    if (version > latest) {
      throw new StoreOpenError(
        `${path} was written by a newer workbench (schema version ${version}; this one knows up to ${latest}); ${leftUntouched} — upgrade the workbench to open it`,
      )
    }
  } finally {
    probe.close()
    opened.release()
  }
}

/**
 * Opens (creating if needed) the workbench database: checked first, then WAL journal so readers
 * never block the writer, foreign keys on, and every pending migration applied.
 */
export function openDatabase(
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
  options: OpenOptions = {},
): Db {
  const inMemory = path === ':memory:'
  if (!inMemory) {
    try {
      mkdirSync(dirname(path), { recursive: true })
    } catch (error) {
      throw new StoreOpenError(`${path} cannot be created: its folder cannot be made (${String(error)})`)
    }
    const exists = existsSync(path)
    checkWritable(path, exists, options.isWritable ?? canWrite)
    // An empty file is what SQLite itself would create: a new database.
    if (exists && statSync(path).size > 0) inspect(path, migrations)
  }
  let db: Db
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS })
  } catch (error) {
    throw new StoreOpenError(`${path} cannot be opened: ${error instanceof Error ? error.message : String(error)}`)
  }
  try {
    // First: the switch to WAL below may itself wait for another process opening the file.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    migrate(db, migrations)
    if ((db.pragma('application_id', { simple: true }) as number) === 0) db.pragma(`application_id = ${APPLICATION_ID}`)
    return db
  } catch (error) {
    db.close()
    if (error instanceof StoreOpenError) throw error
    // SQLITE_READONLY_*: the file became unwritable in a way access() does not see (a read-only mount, say).
    const code = (error as { code?: string }).code ?? ''
    const why = code.startsWith('SQLITE_READONLY') ? 'is read-only' : 'cannot be opened'
    throw new StoreOpenError(`${path} ${why} (${error instanceof Error ? error.message : String(error)})`)
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
