import Database from 'better-sqlite3'
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createStore, schemaVersion, StoreOpenError, type Store } from '../../../main/store'
import { MIGRATIONS } from '../../../main/store/migrations'
import { simulate } from '../../../main/sim/simulate'
import { RunQuerySchema, upgradeResult, type RunQueryInput } from '../../../contract/api'
import { useTempDbPaths } from './fixtures/freshStore'
import { legacyRuns, writeV1Database } from './fixtures/legacyDatabase'
import { finishedRun, seededRandom, storeScenario } from './fixtures/storeFixtures'

const LATEST = MIGRATIONS.at(-1)!.version
const { tempDb, defer } = useTempDbPaths()

function openTracked(path: string): Store {
  const store = createStore(path)
  defer(() => store.close())
  return store
}

const ids = (store: Store, query: RunQueryInput): number[] =>
  store.runs.page(RunQuerySchema.parse(query)).runs.map((run) => run.id)

describe.each([
  { name: 'version 1 as first shipped (no owner column)', build: 'first' },
  { name: 'version 1 with owner added afterwards', build: 'ownerAdded' },
  { name: 'version 1 of the later build (owner beside simulator_version)', build: 'later' },
] as const)('upgrading a database of $name', ({ build }) => {
  const withOwner = build !== 'first'
  const runs = legacyRuns()

  it('keeps every run as it was and fills in what version 2 adds', () => {
    const path = tempDb()
    const runIds = writeV1Database(path, runs, build)
    const store = openTracked(path)

    expect(schemaVersion(store.db)).toBe(LATEST)
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok')
    runs.forEach((run, index) => {
      const detail = store.runs.getDetail(runIds[index]!)!
      expect(detail).toMatchObject({
        status: run.status,
        label: run.label,
        error: run.error,
        createdAt: run.createdAt,
        ...run.expected,
        tags: [],
        notes: null,
        starred: false,
        replayOf: null,
      })
      // What was stored is JSON: compare with the result as JSON gives it back, read as today reads it.
      expect(detail.result).toEqual(run.result && upgradeResult(JSON.parse(JSON.stringify(run.result))))
      expect(detail.scenario).toEqual(run.scenario)
    })
    expect(store.runs.tags()).toEqual([])
  })

  it(withOwner ? 'keeps each run’s owner' : 'gives old runs no owner', () => {
    const path = tempDb()
    const runIds = writeV1Database(path, runs, build)
    const store = openTracked(path)
    const owners = store.db.prepare('SELECT id, owner FROM runs ORDER BY id').all()
    expect(owners).toEqual(runIds.map((id, index) => ({ id, owner: withOwner ? runs[index]!.owner : null })))
  })

  it('filters the old runs on the backfilled columns', () => {
    const path = tempDb()
    const [first, big, sweep, tooBig, crashed] = writeV1Database(path, runs, build)
    const store = openTracked(path)
    expect(ids(store, { model: 'llama2-7b' })).toEqual([sweep, first])
    expect(ids(store, { model: 'llama2-13b' })).toEqual([crashed, big])
    expect(ids(store, { system: 'dgx-h100' })).toEqual([tooBig, sweep, first])
    expect(ids(store, { system: 'dgx-a100' })).toEqual([crashed, big])
    expect(ids(store, { system: 'dgx' })).toEqual([])
    expect(ids(store, { status: 'failed' })).toEqual([tooBig])
    expect(ids(store, { sort: 'scenarioName', order: 'asc' })).toEqual([first, sweep, tooBig, big, crashed])
  })

  it('takes new runs after the upgrade and opens again without migrating twice', () => {
    const path = tempDb()
    const runIds = writeV1Database(path, runs, build)
    const store = createStore(path)
    const added = finishedRun(store, storeScenario('after the upgrade'))
    store.close()

    const again = openTracked(path)
    expect(schemaVersion(again.db)).toBe(LATEST)
    expect(added.id).toBeGreaterThan(Math.max(...runIds))
    expect(again.runs.page(RunQuerySchema.parse({})).total).toBe(runs.length + 1)
  })
})

/** The error opening `path` throws, and whether the file's bytes stayed the same. */
function refusal(path: string): { error: unknown; untouched: boolean } {
  const before = readFileSync(path)
  let error: unknown
  try {
    createStore(path).close()
  } catch (caught) {
    error = caught
  }
  return { error, untouched: readFileSync(path).equals(before) }
}

/** A database with enough rows to span many pages: about 7 MB of results. */
function largeDatabase(path: string): void {
  const store = createStore(path)
  const scenario = storeScenario('filler')
  const result = simulate(scenario)
  store.transaction(() => {
    for (let i = 0; i < 200; i++) finishedRun(store, scenario, { label: `filler ${i}` }, result)
  })
  store.db.pragma('wal_checkpoint(TRUNCATE)')
  store.close()
}

describe('a file the workbench must not open', () => {
  it('refuses a database from a newer workbench and leaves it untouched', () => {
    const path = tempDb()
    const store = createStore(path)
    finishedRun(store, storeScenario('from the future'))
    store.db.pragma('user_version = 99')
    store.close()

    const { error, untouched } = refusal(path)
    expect(error).toBeInstanceOf(StoreOpenError)
    expect((error as Error).message).toMatch(/newer/)
    expect((error as Error).message).toContain('99')
    expect(untouched).toBe(true)
    // The read-only check may leave SQLite's empty side files (removing them could race another
    // process that has the file open); it writes nothing into them.
    if (existsSync(`${path}-wal`)) expect(statSync(`${path}-wal`).size).toBe(0)
  })

  it('refuses an SQLite file of another program and leaves it untouched', () => {
    const path = tempDb()
    const other = new Database(path)
    other.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')")
    other.close()
    const { error, untouched } = refusal(path)
    expect((error as Error).message).toMatch(/SQLite database of another program/)
    expect(untouched).toBe(true)
  })

  it('refuses a newer database whose writer was killed, keeping its WAL and main file as they were', () => {
    const path = tempDb()
    const store = createStore(path)
    finishedRun(store, storeScenario('killed writer'))
    store.db.pragma('wal_autocheckpoint = 0')
    store.db.pragma('user_version = 99')
    finishedRun(store, storeScenario('only in the wal'))
    // Copy the files as a killed process leaves them: main file and WAL, no clean close.
    const copy = tempDb()
    writeFileSync(copy, readFileSync(path))
    writeFileSync(`${copy}-wal`, readFileSync(`${path}-wal`))
    store.close()
    const wal = readFileSync(`${copy}-wal`)
    expect(wal.length).toBeGreaterThan(0)
    const { error, untouched } = refusal(copy)
    expect((error as Error).message).toMatch(/newer/)
    expect(untouched).toBe(true)
    expect(readFileSync(`${copy}-wal`).equals(wal)).toBe(true)
  })

  it('refuses random bytes as not a Memwall database and leaves them untouched', () => {
    const path = tempDb()
    const random = seededRandom(7)
    writeFileSync(path, Buffer.from(Array.from({ length: 8192 }, () => Math.floor(random() * 256))))

    const { error, untouched } = refusal(path)
    expect(error).toBeInstanceOf(StoreOpenError)
    expect((error as Error).message).toMatch(/not a readable Memwall database/)
    expect(untouched).toBe(true)
    expect(existsSync(`${path}-wal`)).toBe(false)
  })

  it('refuses a database cut to half its size and leaves what is left untouched', () => {
    const path = tempDb()
    largeDatabase(path)
    const size = readFileSync(path).length
    expect(size).toBeGreaterThan(1_000_000)
    truncateSync(path, Math.floor(size / 2))

    const { error, untouched } = refusal(path)
    expect(error).toBeInstanceOf(StoreOpenError)
    expect((error as Error).message).toMatch(/damaged|not a readable Memwall database/)
    expect(untouched).toBe(true)
  })

  it('opens an empty file as a new database', () => {
    const path = tempDb()
    writeFileSync(path, '')
    const store = openTracked(path)
    expect(schemaVersion(store.db)).toBe(LATEST)
    expect(store.runs.page(RunQuerySchema.parse({}))).toEqual({ runs: [], total: 0 })
  })
})
