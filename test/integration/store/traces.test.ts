import { afterEach, describe, expect, it } from 'vitest'
import { createStore, openDatabase, type Store } from '../../../main/store'
import { MIGRATIONS } from '../../../main/store/migrations'
import { simulate } from '../../../main/sim/simulate'
import { SIMULATOR_VERSION } from '../../../main/sim/version'
import { ScenarioSchema, scenarioHash, type RunResult, type Scenario } from '../../../contract/api'
import { tempDbPath } from '../helpers/tempContainer'
import { finishedRun, seededRandom, servingScenario } from './fixtures/storeFixtures'

const ROWS = 20_000
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

function openStore(): { store: Store; dbPath: string } {
  const { dbPath, cleanup } = tempDbPath()
  const store = createStore(dbPath)
  cleanups.push(() => {
    store.close()
    cleanup()
  })
  return { store, dbPath }
}

/** The serving example replaying a trace of `rows` arrivals; every tenth without an expert when `mixed`. */
function traceScenario(rows: number, mixed = false, seed = 11): Scenario {
  const base = servingScenario()
  const random = seededRandom(seed)
  let time = 0
  const arrivals = Array.from({ length: rows }, (_, i) => {
    time += random() * 0.5
    const arrival = {
      time,
      promptTokens: 64 + Math.floor(random() * 512),
      outputTokens: 1 + Math.floor(random() * 200),
    }
    return mixed && i % 10 === 0 ? arrival : { ...arrival, expert: i % base.serving!.experts }
  })
  // Only the first 500 requests are simulated: the result still echoes the whole trace.
  return ScenarioSchema.parse({
    ...base,
    serving: { ...base.serving, traffic: { kind: 'trace', arrivals }, requests: 500 },
  })
}

const bytes = (store: Store): number =>
  (store.db.pragma('page_count', { simple: true }) as number) *
  (store.db.pragma('page_size', { simple: true }) as number)
const traceCount = (store: Store): number =>
  (store.db.prepare('SELECT COUNT(*) AS n FROM traces').get() as { n: number }).n
const arrivalsOf = (scenario: Scenario): unknown[] => (scenario.serving!.traffic as { arrivals: unknown[] }).arrivals

describe('a scenario with a trace', () => {
  it.each([
    ['every arrival naming its expert (one float64 column)', false],
    ['some arrivals without an expert (kept as JSON)', true],
  ])('%s: stored once for the saved scenario, the run and the result’s echo', (_name, mixed) => {
    const { store } = openStore()
    const scenario = traceScenario(ROWS, mixed)
    const result = simulate(scenario)
    const traceJson = JSON.stringify(arrivalsOf(scenario)).length
    expect(traceJson).toBeGreaterThan(1_000_000)

    const before = bytes(store)
    const run = finishedRun(store, scenario, {}, result)
    const grown = bytes(store) - before
    expect(grown).toBeLessThanOrEqual(1.2 * traceJson)
    expect(traceCount(store)).toBe(1)

    // Every read path gets the whole scenario back, key for key and bit for bit.
    const detail = store.runs.getDetail(run.id)!
    expect(JSON.stringify(detail.scenario)).toBe(JSON.stringify(scenario))
    expect(JSON.stringify(detail.result)).toBe(JSON.stringify(result))
    expect(ScenarioSchema.parse(detail.scenario)).toEqual(scenario)
    expect(scenarioHash(detail.scenario)).toBe(run.scenarioHash)
    const { id: scenarioId } = store.db.prepare('SELECT scenario_id AS id FROM runs WHERE id = ?').get(run.id) as {
      id: number
    }
    expect(JSON.stringify(store.scenarios.get(scenarioId)!.scenario)).toBe(JSON.stringify(scenario))

    // A second run of the same scenario adds no second trace.
    const again = bytes(store)
    finishedRun(store, scenario, { label: 'again' }, result)
    expect(traceCount(store)).toBe(1)
    expect(bytes(store) - again).toBeLessThan(0.2 * traceJson)
  })

  it('a saved scenario keeps its trace when its runs are purged; a trace only a purged run used goes', () => {
    const { store } = openStore()
    const scenario = traceScenario(200)
    const run = finishedRun(store, scenario)
    // An imported run whose result echoes another trace than its scenario's.
    const other = traceScenario(100, false, 99)
    const result: RunResult = { ...simulate(scenario), scenario: other }
    const imported = store.runs.insertComplete({
      scenarioId: store.scenarios.upsert(scenario, scenarioHash(scenario), '2024-05-01T12:00:00.000Z'),
      scenario,
      scenarioHash: scenarioHash(scenario),
      label: 'imported',
      simulatorVersion: SIMULATOR_VERSION,
      createdAt: '2024-05-01T12:00:00.000Z',
      seed: scenario.seed,
      seeds: 1,
      status: 'finished',
      notes: null,
      tags: [],
      starred: false,
      startedAt: null,
      finishedAt: null,
      error: null,
      result,
      replayOf: null,
    })
    expect(traceCount(store)).toBe(2)
    expect(store.runs.getDetail(imported)!.result!.scenario).toEqual(other)

    store.runs.softDelete([run.id, imported], '2024-05-01T12:00:00.000Z')
    expect(store.runs.purgeDeleted('2024-05-02T00:00:00.000Z')).toBe(2)
    expect(traceCount(store)).toBe(1)
    expect(store.scenarios.list(10)[0]!.scenario).toEqual(scenario)
    // Run again from the saved scenario: the trace is there to be referred to.
    const rerun = finishedRun(store, scenario)
    expect(store.runs.getDetail(rerun.id)!.scenario).toEqual(scenario)
    expect(traceCount(store)).toBe(1)
  })

  it('a result whose own objects look like trace placeholders reads back as it was', () => {
    const { store } = openStore()
    const scenario = traceScenario(100)
    const result = { ...simulate(scenario), note: { $trace: 1 }, other: { $$trace: 1 } } as RunResult
    const run = finishedRun(store, scenario, {}, result)
    expect(JSON.stringify(store.runs.getDetail(run.id)!.result)).toBe(JSON.stringify(result))
  })
})

describe('a database of version 3, with traces stored inline', () => {
  it('upgrades, and its runs and saved scenarios read as they were', () => {
    const { dbPath, cleanup } = tempDbPath()
    cleanups.push(cleanup)
    const scenario = traceScenario(300)
    const result = simulate(scenario)
    const hash = scenarioHash(scenario)
    const v3 = openDatabase(dbPath, MIGRATIONS.slice(0, 3))
    v3.prepare('INSERT INTO scenarios (hash, name, json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      hash,
      scenario.name,
      JSON.stringify(scenario),
      '2024-05-01T12:00:00.000Z',
      '2024-05-01T12:00:00.000Z',
    )
    v3.prepare(
      `INSERT INTO runs (id, scenario_id, label, status, progress, created_at, scenario_hash, seed, simulator_version,
         scenario_name, model, systems)
       VALUES (1, 1, 'old', 'finished', 1, '2024-05-01T12:00:00.000Z', ?, ?, ?, ?, ?, ?)`,
    ).run(
      hash,
      scenario.seed,
      SIMULATOR_VERSION,
      scenario.name,
      scenario.workload.model,
      `,${scenario.systems.join(',')},`,
    )
    v3.prepare('INSERT INTO run_documents (run_id, scenario_json, result_json) VALUES (1, ?, ?)').run(
      JSON.stringify(scenario),
      JSON.stringify(result),
    )
    v3.close()

    const store = createStore(dbPath)
    cleanups.unshift(() => store.close())
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version)
    const detail = store.runs.getDetail(1)!
    expect(JSON.stringify(detail.scenario)).toBe(JSON.stringify(scenario))
    expect(detail.result).toEqual(JSON.parse(JSON.stringify(result)))
    expect(store.scenarios.get(1)!.scenario).toEqual(scenario)
    // A new run of the same saved scenario refers to it and stores the trace once from now on.
    const rerun = finishedRun(store, scenario)
    expect(JSON.stringify(store.runs.getDetail(rerun.id)!.scenario)).toBe(JSON.stringify(scenario))
    expect(traceCount(store)).toBe(1)
  })
})
