import { describe, expect, it } from 'vitest'
import type { Store } from '../../../main/store'
import { simulate } from '../../../main/sim/simulate'
import { SIMULATOR_VERSION } from '../../../main/sim/version'
import { RunQuerySchema, scenarioHash, type RunQueryInput, type RunSummaryDto } from '../../../contract/api'
import { useFreshStore } from './fixtures/freshStore'
import {
  bigSeries,
  finishedRun,
  queueRun,
  servingScenario,
  storeScenario,
  withLatencySeries,
} from './fixtures/storeFixtures'

/** The duplicate key of a finished single-seed run. */
const key = (scenarioHash: string, seed: number, simulatorVersion: string) =>
  ({ scenarioHash, seed, seeds: 1, simulatorVersion, status: 'finished' }) as const

let store: Store
useFreshStore((fresh) => (store = fresh))

const page = (query: RunQueryInput) => store.runs.page(RunQuerySchema.parse(query))
const ids = (query: RunQueryInput): number[] => page(query).runs.map((run) => run.id)
const count = (sql: string, ...params: unknown[]): number => (store.db.prepare(sql).get(...params) as { n: number }).n

const day = (n: number): string => new Date(Date.UTC(2024, 0, 1 + n)).toISOString()

describe('filters', () => {
  it('by status, model and system, where a system id never matches a longer one', () => {
    const h100 = finishedRun(store, storeScenario('h100'), { createdAt: day(0) })
    const h1000 = finishedRun(store, storeScenario('h1000', { systems: ['dgx-h1000'] }), { createdAt: day(1) })
    const a100 = queueRun(store, storeScenario('13b', { model: 'llama2-13b', systems: ['dgx-a100'] }), {
      createdAt: day(2),
    })
    expect(ids({ status: 'finished' })).toEqual([h1000.id, h100.id])
    expect(ids({ status: 'queued' })).toEqual([a100.id])
    expect(ids({ model: 'llama2-13b' })).toEqual([a100.id])
    expect(ids({ model: 'llama2' })).toEqual([])
    expect(ids({ system: 'dgx-h100' })).toEqual([h100.id])
    expect(ids({ system: 'dgx-h1000' })).toEqual([h1000.id])
    expect(ids({ system: 'dgx-h10' })).toEqual([])
    expect(ids({ system: 'sn40l-node' })).toEqual([h100.id])
    expect(ids({ system: 'dgx-h100', model: 'llama2-13b' })).toEqual([])
  })

  // LIKE's wildcards and its escape character must match themselves only.
  it.each([
    ['%', ['100% sure']],
    ['_', ['a_b']],
    ['\\', ['C:\\runs']],
    ['0%', ['100% sure']],
    ['a_', ['a_b']],
    ['100', ['100% sure', '100 percent']],
  ])('text %j finds only labels that contain it', (text, labels) => {
    for (const [i, label] of ['100% sure', '100 percent', 'a_b', 'axb', 'C:\\runs', 'C:runs'].entries()) {
      queueRun(store, storeScenario('label'), { label, createdAt: day(i) })
    }
    const found = (query: RunQueryInput) => page(query).runs.map((run) => run.label)
    expect(found({ text, order: 'asc' })).toEqual(labels)
    expect(found({ label: text, order: 'asc' })).toEqual(labels)
  })

  it('text searches notes as well as labels', () => {
    const noted = queueRun(store, storeScenario('notes'), { label: 'plain' })
    queueRun(store, storeScenario('other'), { label: 'other' })
    store.runs.update(noted.id, { notes: 'The knee is at batch 8; 50% of time in switching' })
    expect(ids({ text: 'knee' })).toEqual([noted.id])
    expect(ids({ text: '50%' })).toEqual([noted.id])
    expect(ids({ text: '  knee  ' })).toEqual([noted.id])
    expect(ids({ label: 'knee' })).toEqual([])
  })

  it('by star', () => {
    const [a, b, c] = [0, 1, 2].map((n) => queueRun(store, storeScenario(`s${n}`), { createdAt: day(n) }))
    store.runs.update(b!.id, { starred: true })
    expect(ids({ starred: true })).toEqual([b!.id])
    expect(ids({ starred: false })).toEqual([c!.id, a!.id])
    store.runs.update(b!.id, { starred: false })
    expect(ids({ starred: true })).toEqual([])
  })

  it('by creation date: from is inclusive, to exclusive', () => {
    const [jan, jun, dec] = ['2024-01-01T00:00:00.000Z', '2024-06-01T00:00:00.000Z', '2024-12-31T00:00:00.000Z'].map(
      (createdAt) => queueRun(store, storeScenario(createdAt), { createdAt }).id,
    )
    expect(ids({ from: '2024-03-01T00:00:00Z', to: '2024-12-31T00:00:00Z' })).toEqual([jun])
    expect(ids({ from: '2024-06-01T00:00:00Z' })).toEqual([dec, jun])
    expect(ids({ to: '2024-06-01T00:00:00Z' })).toEqual([jan])
    expect(ids({ from: '2024-01-01T00:00:00.000Z', to: '2025-01-01T00:00:00Z' })).toEqual([dec, jun, jan])
  })
})

describe('sorting and paging', () => {
  it.each(['asc', 'desc'] as const)('sorts %s with ties broken by id in the same direction', (order) => {
    const runs: RunSummaryDto[] = []
    for (const [label, createdAt] of [
      ['b', day(1)],
      ['a', day(2)],
      ['b', day(1)],
      ['c', day(0)],
      ['a', day(2)],
    ] as const) {
      runs.push(queueRun(store, storeScenario(label), { label, createdAt }))
    }
    const [b1, a1, b2, c, a2] = runs.map((run) => run.id)
    const ascending = { label: [a1, a2, b1, b2, c], createdAt: [c, b1, b2, a1, a2], scenarioName: [a1, a2, b1, b2, c] }
    for (const [sort, expected] of Object.entries(ascending)) {
      const query = { sort: sort as 'label', order }
      expect(ids(query)).toEqual(order === 'asc' ? expected : [...expected].reverse())
    }
  })

  it('pages with offset and limit, each page with the total of all matches', () => {
    const all = Array.from({ length: 25 }, (_, n) => queueRun(store, storeScenario(`p${n}`), { createdAt: day(n) }).id)
    const pages = [0, 10, 20, 30].map((offset) => page({ limit: 10, offset }))
    expect(pages.map((p) => p.runs.length)).toEqual([10, 10, 5, 0])
    expect(pages.map((p) => p.total)).toEqual([25, 25, 25, 25])
    expect(pages.flatMap((p) => p.runs.map((run) => run.id))).toEqual([...all].reverse())
  })
})

describe('tags', () => {
  it('collapse duplicates and whitespace, count per tag, filter, and are replaced as a set', () => {
    const [a, b, c] = [0, 1, 2].map((n) => queueRun(store, storeScenario(`t${n}`), { createdAt: day(n) }).id)
    expect(store.runs.update(a!, { tags: [' knee ', 'knee', 'baseline', '   ', 'knee'] })!.tags).toEqual([
      'baseline',
      'knee',
    ])
    store.runs.update(b!, { tags: ['knee'] })
    store.runs.update(c!, { tags: ['other'] })
    expect(store.runs.tags()).toEqual([
      { tag: 'baseline', runs: 1 },
      { tag: 'knee', runs: 2 },
      { tag: 'other', runs: 1 },
    ])
    expect(ids({ tag: 'knee' })).toEqual([b, a])
    expect(ids({ tag: ' knee ' })).toEqual([b, a])
    expect(ids({ tag: 'kne' })).toEqual([])

    store.runs.update(a!, { tags: ['other'] })
    expect(store.runs.getSummary(a!)!.tags).toEqual(['other'])
    expect(store.runs.tags()).toEqual([
      { tag: 'knee', runs: 1 },
      { tag: 'other', runs: 2 },
    ])
    store.runs.update(a!, { label: 'kept tags' })
    expect(store.runs.getSummary(a!)!.tags).toEqual(['other'])
  })

  it('update of an unknown run does nothing', () => {
    expect(store.runs.update(999, { tags: ['x'] })).toBeUndefined()
    expect(store.runs.tags()).toEqual([])
  })
})

describe('deletion', () => {
  // A serving result: its series are long enough to leave the JSON for run_columns rows.
  const servingResult = simulate(servingScenario())

  function taggedRunWithColumns(name: string, createdAt: string): number {
    const run = finishedRun(store, storeScenario(name, { model: 'mistral-7b' }), { createdAt }, servingResult)
    store.runs.update(run.id, { tags: ['gone', 'shared'] })
    return run.id
  }

  it('hides a deleted run everywhere until it is restored', () => {
    const id = taggedRunWithColumns('deleted', day(0))
    const kept = queueRun(store, storeScenario('kept', { model: 'llama2-13b' }), { createdAt: day(1) }).id
    store.runs.update(kept, { tags: ['shared'] })
    const { scenarioHash: hash, seed } = store.runs.getSummary(id)!

    expect(store.runs.softDelete([id, 999], day(5))).toEqual([id])
    expect(store.runs.softDelete([id], day(6))).toEqual([])
    expect(page({})).toMatchObject({ total: 1, runs: [{ id: kept }] })
    expect(ids({ tag: 'gone' })).toEqual([])
    expect(store.runs.getSummary(id)).toBeUndefined()
    expect(store.runs.getDetail(id)).toBeUndefined()
    expect(store.runs.update(id, { label: 'x' })).toBeUndefined()
    expect(store.runs.tags()).toEqual([{ tag: 'shared', runs: 1 }])
    expect(store.runs.findDuplicate(key(hash, seed, SIMULATOR_VERSION))).toBeUndefined()

    expect(store.runs.restore([id, kept])).toEqual([id])
    expect(store.runs.getDetail(id)).toMatchObject({ id, status: 'finished', tags: ['gone', 'shared'] })
    expect(store.runs.tags()).toEqual([
      { tag: 'gone', runs: 1 },
      { tag: 'shared', runs: 2 },
    ])
    expect(store.runs.findDuplicate(key(hash, seed, SIMULATOR_VERSION))).toBe(id)
  })

  it('purges deleted runs for good, with their tags and columns, only when deleted before the cut-off', () => {
    const id = taggedRunWithColumns('purged', day(0))
    const kept = taggedRunWithColumns('kept', day(1))
    expect(count('SELECT COUNT(*) AS n FROM run_columns WHERE run_id = ?', id)).toBeGreaterThan(0)
    store.runs.softDelete([id], '2024-02-01T00:00:00.000Z')

    expect(store.runs.purgeDeleted('2024-02-01T00:00:00.000Z')).toBe(0)
    expect(store.runs.restore([id])).toEqual([id])
    store.runs.softDelete([id], '2024-02-01T00:00:00.000Z')
    expect(store.runs.purgeDeleted('2024-02-01T00:00:01.000Z')).toBe(1)

    expect(count('SELECT COUNT(*) AS n FROM runs WHERE id = ?', id)).toBe(0)
    expect(count('SELECT COUNT(*) AS n FROM run_tags WHERE run_id = ?', id)).toBe(0)
    expect(count('SELECT COUNT(*) AS n FROM run_columns WHERE run_id = ?', id)).toBe(0)
    expect(store.runs.restore([id])).toEqual([])
    expect(count('SELECT COUNT(*) AS n FROM run_tags WHERE run_id = ?', kept)).toBe(2)
    expect(count('SELECT COUNT(*) AS n FROM run_columns WHERE run_id = ?', kept)).toBeGreaterThan(0)
    expect(store.runs.getDetail(kept)!.result).not.toBeNull()
  })
})

describe('stored runs', () => {
  it('finds the first run of the same scenario, seed and simulator version', () => {
    const scenario = storeScenario('dup')
    const first = finishedRun(store, scenario).id
    finishedRun(store, scenario)
    const hash = scenarioHash(scenario)
    expect(store.runs.findDuplicate(key(hash, 1, SIMULATOR_VERSION))).toBe(first)
    expect(store.runs.findDuplicate(key(hash, 2, SIMULATOR_VERSION))).toBeUndefined()
    expect(store.runs.findDuplicate(key(hash, 1, '0.0.1'))).toBeUndefined()
    // The hash is of the configuration: another name is the same scenario, another model is not.
    expect(store.runs.findDuplicate(key(scenarioHash(storeScenario('renamed')), 1, SIMULATOR_VERSION))).toBe(first)
    const other = scenarioHash(storeScenario('dup', { model: 'mistral-7b' }))
    expect(store.runs.findDuplicate(key(other, 1, SIMULATOR_VERSION))).toBeUndefined()
  })

  it('stores a complete run with its tags, notes, star, link and result in one go', () => {
    const scenario = storeScenario('imported', { seed: 4 })
    const original = finishedRun(store, scenario).id
    const result = simulate(scenario)
    const id = store.runs.insertComplete({
      scenarioId: store.scenarios.upsert(scenario, scenarioHash(scenario), day(0)),
      scenario,
      scenarioHash: scenarioHash(scenario),
      label: 'replayed',
      simulatorVersion: SIMULATOR_VERSION,
      createdAt: day(3),
      seed: 4,
      seeds: 2,
      status: 'finished',
      notes: 'kept from a replay',
      tags: ['b', ' a', 'b'],
      starred: true,
      startedAt: day(3),
      finishedAt: day(4),
      error: null,
      result,
      replayOf: original,
    })
    expect(store.runs.getDetail(id)).toEqual({
      ...store.runs.getSummary(id),
      scenario,
      result: JSON.parse(JSON.stringify(result)),
    })
    expect(store.runs.getSummary(id)).toMatchObject({
      label: 'replayed',
      status: 'finished',
      progress: 1,
      seed: 4,
      seeds: 2,
      notes: 'kept from a replay',
      tags: ['a', 'b'],
      starred: true,
      startedAt: day(3),
      finishedAt: day(4),
      replayOf: original,
      model: 'llama2-7b',
      systems: ['sn40l-node', 'dgx-h100'],
      scenarioName: 'imported',
    })
    expect(ids({ tag: 'a' })).toEqual([id])
  })
})

describe('a result with a million-point series', () => {
  it('round-trips bit for bit through markFinished and getDetail, with the points out of the JSON', () => {
    const series = bigSeries(1_000_000)
    const result = withLatencySeries(simulate(servingScenario()), series)
    const { id } = queueRun(store, storeScenario('million'))
    store.runs.markRunning(id, day(0))
    store.runs.markFinished(id, result, day(1))

    const stored = store.runs.getDetail(id)!
    expect(stored.status).toBe('finished')
    const back = stored.result!.serving![0]!.series.latency
    expect(back).toHaveLength(series.length)
    // Every bit of every double, as JSON would give them back (only -0 reads as 0).
    let mismatches = 0
    for (let i = 0; i < series.length; i++) {
      const [a, b] = [series[i]!, back[i]!]
      if (
        !Object.is(a.time + 0, b.time) ||
        !Object.is(a.value + 0, b.value) ||
        Object.keys(b).join() !== 'time,value'
      ) {
        mismatches++
      }
    }
    expect(mismatches).toBe(0)
    // Everything else as the JSON round trip gives it.
    const rest = (r: typeof result) => withLatencySeries(r, [])
    expect(rest(stored.result!)).toEqual(JSON.parse(JSON.stringify(rest(result))))

    expect(count('SELECT length(result_json) AS n FROM run_documents WHERE run_id = ?', id)).toBeLessThan(100_000)
    expect(count('SELECT MAX(rows) AS n FROM run_columns WHERE run_id = ?', id)).toBe(1_000_000)
  })

  it('keeps the first result when a finished run is finished again', () => {
    const scenario = storeScenario('twice')
    const first = finishedRun(store, scenario)
    store.runs.markFinished(first.id, withLatencySeries(simulate(servingScenario()), bigSeries(100)), day(9))
    expect(store.runs.getDetail(first.id)!.result).toEqual(JSON.parse(JSON.stringify(simulate(scenario))))
    expect(count('SELECT COUNT(*) AS n FROM run_columns WHERE run_id = ?', first.id)).toBe(0)
  })
})
