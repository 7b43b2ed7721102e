import { openDatabase, type Db } from './db'
import { RunsRepository } from './runs'
import { ScenariosRepository } from './scenarios'
import { SweepsRepository } from './sweeps'

export { openDatabase, schemaVersion, StoreOpenError, type Db } from './db'
export { RunsRepository, type CompleteRun, type DuplicateKey, type NewRun, type RunPatch } from './runs'
export { packResult, unpackResult, type PackedResult, type ResultColumn } from './resultColumns'
export { ScenariosRepository } from './scenarios'
export { SweepsRepository, readSweepsFile, type NewSweep, type PointRecord, type StoredSweep } from './sweeps'

/**
 * The database and its repositories; `transaction` groups writes that must land together. It
 * takes the write lock at BEGIN (IMMEDIATE): a deferred transaction that reads first cannot
 * upgrade to a writer once another process has committed, and fails at once with SQLITE_BUSY.
 */
export interface Store {
  db: Db
  runs: RunsRepository
  scenarios: ScenariosRepository
  sweeps: SweepsRepository
  transaction<T>(work: () => T): T
  close(): void
}

export function createStore(path: string): Store {
  const db = openDatabase(path)
  return {
    db,
    runs: new RunsRepository(db),
    scenarios: new ScenariosRepository(db),
    sweeps: new SweepsRepository(db),
    transaction: (work) => db.transaction(work).immediate(),
    close: () => db.close(),
  }
}
