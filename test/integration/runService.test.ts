import { afterEach, describe, expect, it } from 'vitest'
import { createStore } from '../../main/store'
import { createContainer } from '../../main/container'
import { silentLogger } from '../../main/services/logger'
import { scenarioHash, type RunSummaryDto } from '../../preload/api'
import { nextUpdate, scenario, SCRIPTED_WORKER, tempContainer, tempDbPath } from './helpers/tempContainer'

const disposers: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const dispose of disposers.splice(0).reverse()) await dispose()
})

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
    container.runs.cancel(id)
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

  it('turns runs a crash left running into interrupted when the database is reopened', async () => {
    const { dbPath, cleanup } = tempDbPath()
    disposers.push(cleanup)
    const crashed = createStore(dbPath)
    const input = scenario('left running')
    const scenarioId = crashed.scenarios.upsert(input, scenarioHash(input), new Date().toISOString())
    const { id } = crashed.runs.insert({
      scenarioId,
      scenario: input,
      scenarioHash: scenarioHash(input),
      label: null,
      simulatorVersion: 'x',
      createdAt: new Date().toISOString(),
    })
    crashed.runs.markRunning(id, new Date().toISOString())
    crashed.close() // the process "dies" here without finishing the run

    const reopened = createContainer({ dbPath, logger: silentLogger })
    disposers.push(() => reopened.shutdown())
    expect(reopened.runs.get(id)).toMatchObject({
      status: 'interrupted',
      error: 'the workbench stopped before this run ended',
    })
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
