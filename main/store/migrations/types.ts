import type Database from 'better-sqlite3'

/**
 * One schema step, applied once, in its own transaction with the version bump. Never edit one
 * that has shipped: add the next. SQL, or a function where the step depends on what an earlier
 * build left behind.
 */
export interface Migration {
  version: number
  description: string
  up: string | ((db: Database.Database) => void)
  /** The tables it creates: a database at this version without them is another program's file. */
  tables?: readonly string[]
}
