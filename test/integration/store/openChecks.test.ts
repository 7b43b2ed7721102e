import Database from 'better-sqlite3'
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createStore, openDatabase, schemaVersion, StoreOpenError } from '../../../main/store'
import { APPLICATION_ID } from '../../../main/store/db'
import { MIGRATIONS } from '../../../main/store/migrations'
import { RunQuerySchema } from '../../../contract/api'
import { useTempDbPaths } from './fixtures/freshStore'
import { finishedRun, storeScenario } from './fixtures/storeFixtures'

const LATEST = MIGRATIONS.at(-1)!.version
const { tempDb, defer } = useTempDbPaths()

/** A workbench database with one finished run, closed cleanly: no side files. */
function workbenchDb(): string {
  const path = tempDb()
  const store = createStore(path)
  finishedRun(store, storeScenario('kept'))
  store.close()
  return path
}

/** The files in the database's folder: the database and whatever SQLite left beside it. */
const folder = (path: string): string[] => readdirSync(dirname(path)).sort()

/** What opening `path` throws, whether its bytes stayed the same, and the files left beside it. */
function refusal(path: string, open: () => void = () => createStore(path).close()) {
  const before = readFileSync(path)
  let error: unknown
  try {
    open()
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(StoreOpenError)
  return { message: (error as Error).message, untouched: readFileSync(path).equals(before), files: folder(path) }
}

describe('an SQLite file of another program that numbers its schema too', () => {
  it.each([1, 2, 3])('user_version %i without the workbench tables: refused, byte for byte as it was', (version) => {
    const path = tempDb()
    const other = new Database(path)
    other.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')")
    other.pragma(`user_version = ${version}`)
    other.close()
    const { message, untouched, files } = refusal(path)
    expect(message).toContain(path)
    expect(message).toMatch(/is not a Memwall Workbench database \(schema version \d, but no .*runs.* table\)/)
    expect(untouched).toBe(true)
    expect(files).toEqual(['runs.db'])
  })

  it('a version this build knows but without the tables of that version: refused', () => {
    const path = tempDb()
    const other = new Database(path)
    other.exec('CREATE TABLE runs (id INTEGER PRIMARY KEY); CREATE TABLE scenarios (id INTEGER PRIMARY KEY)')
    other.pragma('user_version = 3')
    other.close()
    const { message, untouched } = refusal(path)
    expect(message).toMatch(/schema version 3, but no run_documents, run_tags, run_columns, sweeps, sweep_points/)
    expect(untouched).toBe(true)
  })

  it('a newer version without even a runs table is another program’s, not a newer workbench’s', () => {
    const path = tempDb()
    const other = new Database(path)
    other.exec('CREATE TABLE notes (text TEXT)')
    other.pragma('user_version = 99')
    other.close()
    expect(refusal(path).message).toMatch(/is not a Memwall Workbench database/)
  })

  it('a file marked with another program’s application id: refused', () => {
    const path = tempDb()
    const other = new Database(path)
    other.pragma('application_id = 1234')
    other.exec('CREATE TABLE runs (id INTEGER PRIMARY KEY)')
    other.pragma('user_version = 1')
    other.close()
    const { message, untouched } = refusal(path)
    expect(message).toMatch(
      /not a Memwall Workbench database \(it is marked as another program's: application id 0x4d2\)/,
    )
    expect(untouched).toBe(true)
  })

  it('marks its own databases, and still opens older ones that are not marked', () => {
    const path = workbenchDb()
    const db = new Database(path)
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    db.pragma('application_id = 0')
    db.close()
    const store = createStore(path)
    defer(() => store.close())
    expect(store.runs.page(RunQuerySchema.parse({})).total).toBe(1)
    expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
  })
})

describe('refusals leave no side files behind', () => {
  it('a database from a newer workbench', () => {
    const path = workbenchDb()
    const db = new Database(path)
    db.pragma('user_version = 99')
    db.close()
    const { message, untouched, files } = refusal(path)
    expect(message).toMatch(/newer workbench/)
    expect(untouched).toBe(true)
    expect(files).toEqual(['runs.db'])
  })

  it('a newer database whose writer was killed: its WAL kept as it was, no -shm made', () => {
    const path = workbenchDb()
    const writer = createStore(path)
    writer.db.pragma('wal_autocheckpoint = 0')
    writer.db.pragma('user_version = 99')
    finishedRun(writer, storeScenario('only in the wal'))
    const copy = join(dirname(tempDb()), 'copy.db')
    writeFileSync(copy, readFileSync(path))
    writeFileSync(`${copy}-wal`, readFileSync(`${path}-wal`))
    writer.close()
    const wal = readFileSync(`${copy}-wal`)
    const { message, untouched, files } = refusal(copy)
    expect(message).toMatch(/newer workbench \(schema version 99/)
    expect(untouched).toBe(true)
    expect(readFileSync(`${copy}-wal`).equals(wal)).toBe(true)
    expect(files).toEqual(['copy.db', 'copy.db-wal'])
  })

  it('a damaged database', () => {
    const path = workbenchDb()
    const db = new Database(path)
    const { page } = db.prepare("SELECT rootpage AS page FROM sqlite_master WHERE name = 'runs'").get() as {
      page: number
    }
    const pageSize = db.pragma('page_size', { simple: true }) as number
    db.close()
    const bytes = readFileSync(path)
    bytes[(page - 1) * pageSize] = 0x07 // no such b-tree page type
    writeFileSync(path, bytes)
    const { message, untouched, files } = refusal(path)
    expect(message).toMatch(/damaged|not a readable/)
    expect(untouched).toBe(true)
    expect(files).toEqual(['runs.db'])
  })

  it('a healthy database opens and its side files go with the last connection', () => {
    const path = workbenchDb()
    const store = createStore(path)
    expect(schemaVersion(store.db)).toBe(LATEST)
    store.close()
    expect(folder(path)).toEqual(['runs.db'])
  })
})

describe('a database this process may not write', () => {
  // Tests run as root here, which ignores permission bits: a probe stands in for read-only media.
  const readOnly = (which: 'file' | 'folder', path: string) => (candidate: string) =>
    candidate !== (which === 'file' ? path : dirname(path))

  it('a healthy database on read-only media is refused as read-only, naming the file, untouched', () => {
    const path = workbenchDb()
    const { message, untouched, files } = refusal(path, () =>
      openDatabase(path, MIGRATIONS, { isWritable: readOnly('file', path) }).close(),
    )
    expect(message).toBe(
      `${path} is read-only (this process may not write it); it was left untouched — the workbench records every run in it, so open a writable copy or make it writable`,
    )
    expect(message).not.toMatch(/backup|damaged/)
    expect(untouched).toBe(true)
    expect(files).toEqual(['runs.db'])
  })

  it('a writable file in a read-only folder, where SQLite cannot put its journal', () => {
    const path = workbenchDb()
    const { message, untouched, files } = refusal(path, () =>
      openDatabase(path, MIGRATIONS, { isWritable: readOnly('folder', path) }).close(),
    )
    expect(message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in a read-only folder`))
    expect(untouched).toBe(true)
    expect(files).toEqual(['runs.db'])
  })

  it('a new database in a read-only folder is not created', () => {
    const path = tempDb()
    expect(() => openDatabase(path, MIGRATIONS, { isWritable: readOnly('folder', path) })).toThrow(
      `${path} cannot be created: its folder is read-only`,
    )
    expect(existsSync(path)).toBe(false)
  })

  it.skipIf(process.getuid?.() === 0)('with real permissions: a 0444 file in a 0555 folder', () => {
    const path = workbenchDb()
    chmodSync(path, 0o444)
    chmodSync(dirname(path), 0o555)
    defer(() => chmodSync(dirname(path), 0o755))
    const { message, untouched, files } = refusal(path)
    expect(message).toMatch(/is read-only/)
    expect(untouched).toBe(true)
    expect(files).toEqual(['runs.db'])
  })
})
