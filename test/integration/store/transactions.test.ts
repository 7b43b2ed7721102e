import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createStore, RunsRepository, ScenariosRepository, SweepsRepository, type Store } from '../../../main/store'
import { simulate } from '../../../main/sim/simulate'
import { SIMULATOR_VERSION } from '../../../main/sim/version'
import { scenarioHash, type Scenario } from '../../../contract/api'
import { tempDbPath } from '../helpers/tempContainer'
import { finishedRun, queueRun, storeScenario } from './fixtures/storeFixtures'

let dbPath: string
let cleanup: () => void
let setup: Store
const opened: Database.Database[] = []

beforeEach(() => {
  ;({ dbPath, cleanup } = tempDbPath())
  setup = createStore(dbPath)
})
afterEach(() => {
  opened.splice(0).forEach((db) => db.close())
  setup.close()
  cleanup()
})

/** Another process's connection to the same file: no busy wait, so a lock it meets fails at once. */
function other(): Database.Database {
  const db = new Database(dbPath, { timeout: 0 })
  opened.push(db)
  return db
}

/**
 * Repositories on a connection whose every statement is logged; `onWrite` runs just before the
 * first write statement of each transaction, after whatever the transaction read first.
 */
function logged(onWrite?: () => void): {
  runs: RunsRepository
  scenarios: ScenariosRepository
  sweeps: SweepsRepository
  log: string[]
} {
  const log: string[] = []
  let inTransaction = false
  const db = new Database(dbPath, {
    timeout: 0,
    verbose: (sql) => {
      const statement = String(sql).trim()
      log.push(statement)
      if (statement.startsWith('BEGIN')) inTransaction = true
      else if (/^(COMMIT|ROLLBACK)/.test(statement)) inTransaction = false
      else if (inTransaction && /^(INSERT|UPDATE|DELETE)/.test(statement)) {
        inTransaction = false
        onWrite?.()
      }
    },
  })
  db.pragma('foreign_keys = ON')
  opened.push(db)
  return { runs: new RunsRepository(db), scenarios: new ScenariosRepository(db), sweeps: new SweepsRepository(db), log }
}

const now = '2024-05-01T12:00:00.000Z'

function newSweep(scenario: Scenario) {
  return {
    label: null,
    scenario,
    axes: [{ path: 'workload.batch', values: [1, 2] }],
    seeds: 1,
    sweepHash: 'b'.repeat(64),
    simulatorVersion: SIMULATOR_VERSION,
    owner: 'gone:1',
    createdAt: now,
  }
}

describe('every transaction that writes takes the write lock at BEGIN (IMMEDIATE)', () => {
  it('in every writing method of the repositories', () => {
    const scenario = storeScenario('immediate')
    const hash = scenarioHash(scenario)
    const result = simulate(scenario)
    const { runs, scenarios, sweeps, log } = logged()
    const begins = (work: () => unknown): string[] => {
      log.length = 0
      work()
      return log.filter((statement) => statement.startsWith('BEGIN'))
    }
    const scenarioId = scenarios.upsert(scenario, hash, now)
    const run = {
      scenarioId,
      scenario,
      scenarioHash: hash,
      label: null,
      simulatorVersion: SIMULATOR_VERSION,
      createdAt: now,
    }
    const id = runs.insert({ ...run, owner: 'gone:1' }).id
    const sweepId = sweeps.insert(newSweep(scenario), [[1], [2]]).id
    const calls: [string, () => unknown][] = [
      ['runs.insert', () => runs.insert({ ...run, owner: 'gone:1' })],
      ['runs.markFinished', () => runs.markFinished(id, result, now)],
      ['runs.update', () => runs.update(id, { tags: ['a'], notes: 'n' })],
      ['runs.softDelete', () => runs.softDelete([id], now)],
      ['runs.restore', () => runs.restore([id])],
      ['runs.interruptAbandoned', () => runs.interruptAbandoned(() => true, now)],
      [
        'runs.insertComplete',
        () =>
          runs.insertComplete({
            ...run,
            seed: 1,
            seeds: 1,
            status: 'finished',
            notes: null,
            tags: ['b'],
            starred: false,
            startedAt: now,
            finishedAt: now,
            error: null,
            result,
            replayOf: null,
          }),
      ],
      ['scenarios.save', () => scenarios.save(storeScenario('saved'), 'c'.repeat(64), now)],
      ['sweeps.insert', () => sweeps.insert(newSweep(scenario), [[1]])],
      ['sweeps.recordPoints', () => sweeps.recordPoints(sweepId, [{ index: 0, status: 'failed', error: 'x' }])],
      ['sweeps.interruptAbandoned', () => sweeps.interruptAbandoned(() => true, now)],
      ['sweeps.mergePoints', () => sweeps.mergePoints(sweepId, sweeps.points(sweepId), now)],
    ]
    const seen = calls.map(([name, call]) => [name, begins(call)])
    expect(seen).toEqual(calls.map(([name]) => [name, ['BEGIN IMMEDIATE']]))
  })

  // What happened between processes: the transaction read, another process committed, and the
  // read-to-write upgrade failed at once with SQLITE_BUSY(_SNAPSHOT), whatever the busy timeout.
  it.each([
    ['runs.update (reads the run first)', 'runs'],
    ['scenarios.save (reads the scenario first)', 'scenarios'],
    ['sweeps.recordPoints (reads each point first)', 'sweeps'],
  ] as const)('%s: a commit by another process waits instead of failing the transaction', (_name, which) => {
    const scenario = storeScenario('contended')
    const run = queueRun(setup, scenario)
    const sweepId = setup.sweeps.insert(newSweep(scenario), [[1], [2]]).id
    const writer = other()
    const outcomes: string[] = []
    const repositories = logged(() => {
      try {
        writer.prepare("UPDATE runs SET notes = 'other process' WHERE id = ?").run(run.id)
        outcomes.push('the other process committed')
      } catch (error) {
        outcomes.push(`the other process met ${(error as { code: string }).code}`)
      }
    })
    const work = {
      runs: () => repositories.runs.update(run.id, { label: 'mine' }),
      scenarios: () => repositories.scenarios.save(storeScenario('new'), 'd'.repeat(64), now),
      sweeps: () => repositories.sweeps.recordPoints(sweepId, [{ index: 1, status: 'failed', error: 'x' }]),
    }[which]
    expect(work).not.toThrow()
    expect(outcomes).toEqual(['the other process met SQLITE_BUSY'])
  })

  it('in Store.transaction, which groups a read and a write', () => {
    const run = finishedRun(setup, storeScenario('grouped'))
    const writer = other()
    const outcome = setup.transaction(() => {
      setup.runs.getSummary(run.id)
      let met = 'nothing'
      try {
        writer.prepare("UPDATE runs SET notes = 'other process' WHERE id = ?").run(run.id)
      } catch (error) {
        met = (error as { code: string }).code
      }
      setup.runs.update(run.id, { label: 'mine' })
      return met
    })
    expect(outcome).toBe('SQLITE_BUSY')
    expect(setup.runs.getSummary(run.id)).toMatchObject({ label: 'mine', notes: null })
  })
})

it('waits for a lock with a busy timeout set on open', () => {
  expect(setup.db.pragma('busy_timeout', { simple: true })).toBe(5000)
})
