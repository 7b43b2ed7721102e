import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, it } from 'vitest'
import { createStore } from '../../../main/store'
import { tempDbPath } from '../helpers/tempContainer'
import { storeScenario } from './fixtures/storeFixtures'

const WRITER = fileURLToPath(new URL('../../fixtures/store/concurrentWriter.ts', import.meta.url))
const WRITERS = 2
const RUNS_EACH = 150

const { dbPath, cleanup } = tempDbPath()
afterAll(cleanup)

interface Writer {
  ready: Promise<void>
  go: () => void
  closed: Promise<{ code: number | null; output: string }>
}

function startWriter(first: number): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dbPath, String(first), String(RUNS_EACH)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const closed = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, output })),
  )
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      output += `${line}\n`
      if (line === 'ready') resolve()
    })
    void closed.then(({ code }) => reject(new Error(`writer ${first} exited (${code}) before it was ready: ${output}`)))
  })
  child.stdin.on('error', () => {}) // a writer that died early: `closed` says why
  return { ready, go: () => child.stdin.write('go\n'), closed }
}

// Each run is a transaction that reads before it writes (the tags) beside write-only ones, and
// each sweep point one more: deferred transactions fail at once with SQLITE_BUSY when the other
// process commits between their read and their write.
it(`${WRITERS} processes store ${RUNS_EACH} runs and sweep points each, at once, without "database is locked"`, async () => {
  const setup = createStore(dbPath)
  const scenario = storeScenario('concurrent')
  setup.sweeps.insert(
    {
      label: 'shared',
      scenario,
      axes: [{ path: 'workload.batch', values: [1] }],
      seeds: 1,
      sweepHash: 'a'.repeat(64),
      simulatorVersion: 'test',
      owner: null,
      createdAt: new Date().toISOString(),
    },
    Array.from({ length: WRITERS * RUNS_EACH }, (_, index) => [index]),
    'running',
  )
  setup.close()

  const writers = Array.from({ length: WRITERS }, (_, index) => startWriter(index * RUNS_EACH))
  await Promise.all(writers.map((writer) => writer.ready))
  writers.forEach((writer) => writer.go())
  const outcomes = await Promise.all(writers.map((writer) => writer.closed))
  for (const { code, output } of outcomes) {
    expect(output).not.toMatch(/locked|SQLITE_BUSY/)
    expect({ code, output }).toEqual({ code: 0, output: 'ready\ndone\n' })
  }

  const store = createStore(dbPath)
  try {
    const finished = store.db
      .prepare("SELECT COUNT(*) AS n FROM runs JOIN run_tags ON run_id = id WHERE status = 'finished'")
      .get() as { n: number }
    expect(finished.n).toBe(WRITERS * RUNS_EACH)
    const labels = store.db.prepare('SELECT label FROM runs ORDER BY CAST(label AS INTEGER)').all() as {
      label: string
    }[]
    expect(labels.map((row) => Number(row.label))).toEqual(Array.from({ length: WRITERS * RUNS_EACH }, (_, i) => i))
    expect(store.sweeps.getSummary(1)).toMatchObject({ points: WRITERS * RUNS_EACH, failed: WRITERS * RUNS_EACH })
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok')
  } finally {
    store.close()
  }
}, 20_000)
