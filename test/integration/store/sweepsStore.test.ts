import { afterEach, describe, expect, it } from 'vitest'
import { createStore, readSweepsFile, schemaVersion, type NewSweep, type Store } from '../../../main/store'
import { MIGRATIONS } from '../../../main/store/migrations'
import { scenario, tempDbPath } from '../helpers/tempContainer'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

function openStore(): { store: Store; path: string } {
  const { dbPath, cleanup } = tempDbPath()
  const store = createStore(dbPath)
  cleanups.push(cleanup)
  cleanups.unshift(() => store.close())
  return { store, path: dbPath }
}

const spread = (value: number) => ({ p5: value, p50: value, p95: value })
const sweep: NewSweep = {
  label: 'grid',
  scenario: scenario('store'),
  axes: [{ path: 'workload.batch', values: [1, 2, 4] }],
  seeds: 1,
  sweepHash: 'abc123',
  simulatorVersion: '0.3.0',
  owner: 'host:1',
  createdAt: '2025-01-01T00:00:00.000Z',
}

describe('the sweeps store (schema version 3)', () => {
  it('migrates to version 3 with sweeps and their points', () => {
    const { store } = openStore()
    expect(schemaVersion(store.db)).toBe(MIGRATIONS.at(-1)!.version)
    expect(MIGRATIONS.find((migration) => migration.version === 3)!.description).toBe('sweeps and their grid points')
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['sweeps', 'sweep_points']))
  })

  it('stores a grid with every point pending, and summarises it from the scenario', () => {
    const { store } = openStore()
    const summary = store.sweeps.insert(sweep, [[1], [2], [4]])
    expect(summary).toMatchObject({
      status: 'queued',
      label: 'grid',
      scenarioName: 'store',
      systems: ['sn40l-node', 'dgx-h100'],
      points: 3,
      done: 0,
      failed: 0,
      sweepHash: 'abc123',
    })
    expect(store.sweeps.unfinishedIndices(summary.id)).toEqual([0, 1, 2])
  })

  it('records a chunk with its counts; a failed point done later moves from failed to done', () => {
    const { store } = openStore()
    const { id } = store.sweeps.insert(sweep, [[1], [2], [4]])
    store.sweeps.recordPoints(id, [
      { index: 0, status: 'done', metrics: { a: { totalSeconds: spread(1), servingHitRate: null } } },
      { index: 1, status: 'failed', error: 'boom' },
      { index: 2, status: 'done', metrics: { a: { totalSeconds: { p5: 1, p50: 2, p95: 3 } } } },
    ])
    expect(store.sweeps.getSummary(id)).toMatchObject({ done: 2, failed: 1 })
    expect(store.sweeps.unfinishedIndices(id)).toEqual([1])
    // one seed's spread is stored as one number, a band as three: both come back as they went in
    const stored = store.db.prepare('SELECT metrics_json FROM sweep_points WHERE idx = 0').get() as {
      metrics_json: string
    }
    expect(JSON.parse(stored.metrics_json)).toEqual({ a: { totalSeconds: 1, servingHitRate: null } })
    expect(store.sweeps.getDetail(id)!.points[2]!.metrics).toEqual({ a: { totalSeconds: { p5: 1, p50: 2, p95: 3 } } })
    store.sweeps.recordPoints(id, [
      { index: 1, status: 'done', metrics: { a: { totalSeconds: spread(2) } } },
      // a point done already stays as it was
      { index: 0, status: 'failed', error: 'late' },
    ])
    expect(store.sweeps.getSummary(id)).toMatchObject({ done: 3, failed: 0 })
    expect(store.sweeps.getDetail(id)!.points[0]).toEqual({
      index: 0,
      values: [1],
      status: 'done',
      error: null,
      metrics: { a: { totalSeconds: spread(1), servingHitRate: null } },
    })
  })

  it('interrupts only the sweeps of dead owners, and purges deleted ones with their points', () => {
    const { store } = openStore()
    const dead = store.sweeps.insert({ ...sweep, owner: 'host:dead' }, [[1]])
    const alive = store.sweeps.insert({ ...sweep, owner: 'host:alive' }, [[1]])
    expect(store.sweeps.interruptAbandoned((owner) => owner === 'host:dead', '2025-01-02T00:00:00.000Z')).toBe(1)
    expect(store.sweeps.getSummary(dead.id)!.status).toBe('interrupted')
    expect(store.sweeps.getSummary(alive.id)!.status).toBe('queued')

    expect(store.sweeps.softDelete(dead.id, '2025-01-02T00:00:00.000Z')).toBe(true)
    expect(store.sweeps.getSummary(dead.id)).toBeUndefined()
    expect(store.sweeps.purgeDeleted('2025-01-03T00:00:00.000Z')).toBe(1)
    const points = store.db.prepare('SELECT COUNT(*) AS n FROM sweep_points WHERE sweep_id = ?').get(dead.id)
    expect(points).toEqual({ n: 0 })
  })

  it('reads another database’s sweeps read-only, for merging', () => {
    const { store, path } = openStore()
    const { id } = store.sweeps.insert(sweep, [[1], [2], [4]])
    store.sweeps.recordPoints(id, [{ index: 2, status: 'done', metrics: { a: { totalSeconds: spread(3) } } }])
    const [read] = readSweepsFile(path)
    expect(read).toMatchObject({ sweepHash: 'abc123', seeds: 1, axes: sweep.axes })
    expect(read!.points.map((p) => p.status)).toEqual(['pending', 'pending', 'done'])
    const merged = store.sweeps.mergePoints(id, read!.points, '2025-01-02T00:00:00.000Z')
    expect(merged).toMatchObject({ status: 'interrupted', done: 1, error: expect.stringMatching(/2 point\(s\)/) })
  })
})
