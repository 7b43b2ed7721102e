import { afterEach, describe, expect, it } from 'vitest'
import { createStore } from '../../main/store'
import { createContainer } from '../../main/container'
import { silentLogger } from '../../main/services/logger'
import { processOwner, type RunOwner } from '../../main/services/runOwner'
import { scenarioHash, type RunSummaryDto } from '../../contract/api'
import { nextUpdate, scenario, SCRIPTED_WORKER, tempContainer, tempDbPath } from './helpers/tempContainer'

const disposers: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const dispose of disposers.splice(0).reverse()) await dispose()
})

/** An owner that says which other owners are dead. */
function fakeOwner(abandoned: Record<string, boolean>): RunOwner {
  return { id: 'this-process', isAbandoned: (owner) => abandoned[owner ?? ''] ?? true }
}

function track<T extends { dispose: () => Promise<void> }>(container: T): T {
  disposers.push(container.dispose)
  return container
}

describe('a run through the real worker pool and SQLite', () => {
  it('runs in a worker, is stored finished with its result, and announces each state after writing it', async () => {
    const container = track(tempContainer())
    const seen: RunSummaryDto[] = []
    const storedWhenAnnounced: string[] = []
    container.events.on('onRunUpdated', (run) => {
      seen.push(run)
      storedWhenAnnounced.push(container.store.runs.getSummary(run.id)!.status)
    })
    const input = scenario('finishes')
    const queued = container.runs.start({ scenario: input, label: 'first' })
    expect(queued).toMatchObject({ status: 'queued', progress: 0, label: 'first', scenarioHash: scenarioHash(input) })

    const run = await container.runs.waitFor(queued.id)
    expect(run.status).toBe('finished')
    expect(run.progress).toBe(1)
    expect(run.startedAt).not.toBeNull()
    expect(run.result!.systems.map((s) => s.systemId)).toEqual(['sn40l-node', 'dgx-h100'])
    expect(run.result!.provenance.scenarioHash).toBe(scenarioHash(input))
    expect(run.result!.provenance.wallSeconds).toBeGreaterThan(0)

    const statuses = seen.map((s) => s.status)
    expect(statuses[0]).toBe('queued')
    expect(statuses).toContain('running')
    expect(statuses.at(-1)).toBe('finished')
    expect(storedWhenAnnounced).toEqual(statuses)
  })

  it('keeps the run after the database is closed and reopened', async () => {
    const { dbPath, cleanup } = tempDbPath()
    disposers.push(cleanup)
    const first = createContainer({ dbPath, logger: silentLogger })
    const { id } = first.runs.start({ scenario: scenario('persists') })
    const finished = await first.runs.waitFor(id)
    await first.shutdown()

    const store = createStore(dbPath)
    expect(store.runs.getDetail(id)).toEqual(finished)
    expect(store.scenarios.list(10).map((s) => s.name)).toEqual(['persists'])
    store.close()
  })

  it('cancels a running job: the worker stops and the run is stored cancelled', async () => {
    const container = track(tempContainer(SCRIPTED_WORKER))
    const { id } = container.runs.start({ scenario: scenario('hang') })
    await nextUpdate(container, id, (run) => run.status === 'running' && run.progress === 0.25)
    const cancelled = await container.runs.cancel(id)
    expect(cancelled.status).toBe('cancelled')
    const run = await container.runs.waitFor(id)
    expect(run).toMatchObject({ status: 'cancelled', error: 'cancelled by the user', result: null })
    expect(run.finishedAt).not.toBeNull()
  })

  it('marks a job that throws failed, with its error', async () => {
    const container = track(tempContainer(SCRIPTED_WORKER))
    const { id } = container.runs.start({ scenario: scenario('throw') })
    const run = await container.runs.waitFor(id)
    expect(run.status).toBe('failed')
    expect(run.error).toContain('the job blew up on purpose')
  })

  it('marks a run failed when its worker dies, and keeps serving', async () => {
    const container = track(tempContainer(SCRIPTED_WORKER))
    const died = await container.runs.waitFor(container.runs.start({ scenario: scenario('exit') }).id)
    expect(died.status).toBe('failed')
    expect(died.error).toMatch(/exit/i)

    const next = await container.runs.waitFor(container.runs.start({ scenario: scenario('after the crash') }).id)
    expect(next.status).toBe('finished')
  })

  /** Stores a run as `owner` left it: running, never finished. */
  function leaveRunning(dbPath: string, owner: string): number {
    const crashed = createStore(dbPath)
    const input = scenario('left running')
    const hash = scenarioHash(input)
    const now = new Date().toISOString()
    const scenarioId = crashed.scenarios.upsert(input, hash, now)
    const base = { scenarioId, scenario: input, scenarioHash: hash, label: null, createdAt: now }
    const { id } = crashed.runs.insert({ ...base, simulatorVersion: 'x', owner })
    crashed.runs.markRunning(id, now)
    crashed.close()
    return id
  }

  it('turns runs whose process died into interrupted when the database is reopened', async () => {
    const { dbPath, cleanup } = tempDbPath()
    disposers.push(cleanup)
    const id = leaveRunning(dbPath, 'dead-process') // the owner "dies" without finishing the run

    const reopened = createContainer({ dbPath, logger: silentLogger, owner: fakeOwner({ 'dead-process': true }) })
    disposers.push(() => reopened.shutdown())
    expect(reopened.runs.get(id)).toMatchObject({
      status: 'interrupted',
      error: 'the workbench stopped before this run ended',
    })
  })

  it('leaves the runs of another live process alone', async () => {
    const { dbPath, cleanup } = tempDbPath()
    disposers.push(cleanup)
    const id = leaveRunning(dbPath, 'live-process')

    const second = createContainer({ dbPath, logger: silentLogger, owner: fakeOwner({ 'live-process': false }) })
    disposers.push(() => second.shutdown())
    expect(second.runs.get(id).status).toBe('running')
  })

  it('treats a real dead pid on this host as abandoned, and a live one as not', () => {
    const owner = processOwner('host-a', 1000)
    expect(owner.id).toBe('host-a:1000')
    expect(owner.isAbandoned(`host-a:${process.pid}`)).toBe(false) // the test runner itself is alive
    expect(owner.isAbandoned('host-a:1000')).toBe(true) // our own pid: left by an earlier process
    expect(owner.isAbandoned('host-a:2147483646')).toBe(true) // no such process
    expect(owner.isAbandoned('host-b:1')).toBe(false) // another host: cannot tell, so keep it
    expect(owner.isAbandoned(null)).toBe(true)
  })

  it('cancels a run still waiting for a worker', async () => {
    const container = track(tempContainer(SCRIPTED_WORKER, { maxThreads: 1 }))
    const blocker = container.runs.start({ scenario: scenario('hang') })
    await nextUpdate(container, blocker.id, (run) => run.status === 'running')
    const waiting = container.runs.start({ scenario: scenario('waits') })
    const cancelled = await container.runs.cancel(waiting.id)
    expect(cancelled).toMatchObject({ status: 'cancelled', startedAt: null })
    await container.runs.cancel(blocker.id)
  })

  it('refuses to cancel a run that has ended, naming its status', async () => {
    const container = track(tempContainer())
    const { id } = container.runs.start({ scenario: scenario('quick') })
    const ended = await container.runs.waitFor(id)
    expect(['finished', 'failed']).toContain(ended.status)
    await expect(container.runs.cancel(id)).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(`is ${ended.status}`),
    })
  })

  it('keeps serving when the database refuses a write mid-run', async () => {
    const errors: string[] = []
    const container = track(
      tempContainer(undefined, { logger: { info: () => {}, error: (line) => errors.push(line) } }),
    )
    const markFinished = container.store.runs.markFinished.bind(container.store.runs)
    container.store.runs.markFinished = () => {
      throw new Error('database is locked')
    }
    const broken = await container.runs.waitFor(container.runs.start({ scenario: scenario('unlucky') }).id)
    expect(broken.status).toBe('running') // the write was lost, and said so
    expect(errors.join('\n')).toContain('could not record run')

    container.store.runs.markFinished = markFinished
    const next = await container.runs.waitFor(container.runs.start({ scenario: scenario('next') }).id)
    expect(next.status).toBe('finished')
  })

  it('records runs still going at shutdown as interrupted', async () => {
    const { dbPath, cleanup } = tempDbPath()
    disposers.push(cleanup)
    const container = createContainer({ dbPath, workerFile: SCRIPTED_WORKER, logger: silentLogger })
    const { id } = container.runs.start({ scenario: scenario('hang') })
    await nextUpdate(container, id, (run) => run.status === 'running')
    await container.shutdown()
    const store = createStore(dbPath)
    expect(store.runs.getSummary(id)!.status).toBe('interrupted')
    store.close()
  })
})

describe('a seed spread', () => {
  it('runs each seed in the pool and reports every seed-spread metric’s P5–P95, keeping the first seed’s result', async () => {
    const container = tempContainer()
    disposers.push(container.dispose)
    const serving = {
      experts: 20,
      routerModel: null,
      traffic: { kind: 'poisson', rate: 3 },
      requests: 300,
      routing: { kind: 'zipf', exponent: 1 },
    } as const
    const input = scenario('sweep', { systems: ['sn40l-node'], serving, seed: 40 })
    const swept = await container.runs.waitFor(container.runs.start({ scenario: input, seeds: 3 }).id)
    expect(swept.status).toBe('finished')
    const spread = swept.result!.seedSpread!
    expect(spread.seeds).toEqual([40, 41, 42])
    const latency = spread.systems[0]!.metrics.servingLatencyP50!
    expect(latency.p5).toBeLessThanOrEqual(latency.p50)
    expect(latency.p50).toBeLessThanOrEqual(latency.p95)

    const single = await container.runs.waitFor(container.runs.start({ scenario: input }).id)
    const { seedSpread: _spread, provenance, ...rest } = swept.result!
    expect({ ...rest, provenance: { ...provenance, wallSeconds: 0 } }).toEqual({
      ...single.result!,
      provenance: { ...single.result!.provenance, wallSeconds: 0 },
    })
  })
})
