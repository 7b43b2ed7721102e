import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, it } from 'vitest'
import { createStore, type Store } from '../../../main/store'
import { packResult, type PackedResult } from '../../../main/store/resultColumns'
import { processOwner } from '../../../main/services/runOwner'
import { simulate } from '../../../main/sim/simulate'
import { RunQuerySchema, ScenarioSchema, scenarioHash, type RunResult } from '../../../contract/api'
import { tempDbPath } from '../helpers/tempContainer'
import type { WriterJob } from './fixtures/runWriter'
import { bigSeries, seededRandom, servingScenario, withLatencySeries } from './fixtures/storeFixtures'

const WRITER = fileURLToPath(new URL('./fixtures/runWriter.ts', import.meta.url))
const ROUNDS = 12

interface Writer {
  child: ChildProcess
  owner: string
  finished: number[]
  ready: Promise<void>
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>
}

const started: ChildProcess[] = []
const { dbPath, cleanup } = tempDbPath()
const jobPath = join(dirname(dbPath), 'job.json')

afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  cleanup()
})

/** What every writer stores: the smaller serving example, with a 2,000-point series on top so
 * that each write takes a while (32 kB of columns beside 70 kB of JSON). */
function writeJob(): RunResult {
  const scenario = servingScenario()
  const result = withLatencySeries(simulate(scenario), bigSeries(2_000))
  const job: WriterJob = { scenario, scenarioHash: scenarioHash(scenario), result }
  writeFileSync(jobPath, JSON.stringify(job))
  return result
}
/** Whether run `id` holds exactly the packed result: its JSON and every column, byte for byte. */
function storedExactly(store: Store, id: number, packed: PackedResult): boolean {
  const { json } = store.db.prepare('SELECT result_json AS json FROM run_documents WHERE run_id = ?').get(id) as {
    json: string
  }
  const columns = store.db
    .prepare('SELECT slot, keys, rows, data FROM run_columns WHERE run_id = ? ORDER BY slot')
    .all(id) as { slot: number; keys: string; rows: number; data: Buffer }[]
  return (
    json === packed.json &&
    columns.length === packed.columns.length &&
    packed.columns.every((column, index) => {
      const stored = columns[index]!
      return (
        stored.slot === column.slot &&
        stored.keys === JSON.stringify(column.keys) &&
        stored.rows === column.rows &&
        stored.data.equals(column.data)
      )
    })
  )
}

function startWriter(): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dbPath, jobPath], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  started.push(child)
  child.stdin!.on('error', () => {}) // a writer that died early: `closed` says why
  const finished: number[] = []
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  )
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'ready') resolve()
      const id = /^finished (\d+)$/.exec(line)?.[1]
      if (id) finished.push(Number(id))
    })
    void closed.then(({ code, stderr }) =>
      reject(new Error(`the writer exited (${code}) before it was ready: ${stderr}`)),
    )
  })
  return { child, owner: `${hostname()}:${child.pid}`, finished, ready, closed }
}

it(`keeps every promised run through ${ROUNDS} SIGKILLs mid-write, and leaves the rest to interrupt`, async () => {
  const written = writeJob()
  const random = seededRandom(2024)
  // Each writer loads (a quarter of a second through tsx) while the one before it writes; it opens
  // the database only on `go`, after the one before it was killed.
  const writers = [startWriter()]
  for (let round = 0; round < ROUNDS; round++) {
    const writer = writers[round]!
    if (round + 1 < ROUNDS) writers.push(startWriter())
    writer.child.stdin!.write('go\n')
    await writer.ready
    await sleep(50 + Math.floor(random() * 350))
    writer.child.kill('SIGKILL')
    const { signal, stderr } = await writer.closed
    expect(signal, stderr).toBe('SIGKILL')
  }

  const store = createStore(dbPath)
  try {
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok')
    const packed = packResult(written)
    const rows = store.db.prepare('SELECT id, status, owner FROM runs ORDER BY id').all() as {
      id: number
      status: string
      owner: string
    }[]
    const owners = new Set(writers.map((writer) => writer.owner))
    expect(rows.filter((row) => !owners.has(row.owner))).toEqual([])

    // Promised runs are finished; every finished run (printed or not) has its whole result.
    const promised = writers.flatMap((writer) => writer.finished)
    expect(promised.length).toBeGreaterThan(0)
    const finished = rows.filter((row) => row.status === 'finished').map((row) => row.id)
    expect(promised.filter((id) => !finished.includes(id))).toEqual([])
    expect(finished.filter((id) => !storedExactly(store, id, packed))).toEqual([])
    // Read back in full: each writer's last promised run, and the runs killed between commit and print.
    const lastPromised = writers.flatMap((writer) => writer.finished.slice(-1))
    const unprinted = finished.filter((id) => !promised.includes(id))
    const expected = JSON.parse(JSON.stringify(written)) as unknown
    for (const id of [...lastPromised, ...unprinted]) expect(store.runs.getDetail(id)!.result).toEqual(expected)

    const unfinished = rows.filter((row) => row.status === 'queued' || row.status === 'running')
    expect(unfinished.length).toBeGreaterThan(0)
    const me = processOwner()
    expect(store.runs.interruptAbandoned((owner) => me.isAbandoned(owner), new Date().toISOString())).toBe(
      unfinished.length,
    )
    for (const status of ['queued', 'running'] as const) {
      expect(store.runs.page(RunQuerySchema.parse({ status })).total).toBe(0)
    }

    // An interrupted run can be run again: its scenario is whole and valid, and gives the same result.
    const interrupted = store.runs.page(RunQuerySchema.parse({ status: 'interrupted', limit: 1000 })).runs
    const byId = (a: number, b: number): number => a - b
    expect(interrupted.map((run) => run.id).sort(byId)).toEqual(unfinished.map((row) => row.id))
    const scenarios = interrupted.map((run) => ScenarioSchema.parse(store.runs.getDetail(run.id)!.scenario))
    expect(scenarios.map(scenarioHash)).toEqual(interrupted.map((run) => run.scenarioHash))
    expect(withLatencySeries(simulate(scenarios[0]!), written.serving![0]!.series.latency)).toEqual(written)
  } finally {
    store.close()
  }
}, 60_000)
