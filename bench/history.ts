// The run history at 10,000 runs: its queries, and a result with a million-point series saved and
// loaded. SQLite through the store, in WAL mode, on a temporary file.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createStore, type Store } from '../main/store'
import { simulate } from '../main/sim/simulate'
import { SIMULATOR_VERSION } from '../main/sim/version'
import { RunQuerySchema, ScenarioSchema, scenarioHash, type RunQueryInput, type RunResult } from '../contract/api'
import { chatbot } from './scenarios'

const RUNS = 10_000
const TRIES = 20
const MODELS = ['llama2-7b', 'llama2-13b', 'llama2-70b', 'mistral-7b', 'llama3.1-8b', 'falcon-40b']
const SYSTEM_SETS = [
  ['sn40l-node', 'dgx-h100'],
  ['sn40l-node', 'dgx-h100', 'dgx-a100'],
  ['dgx-h200'],
  ['mi300x-platform'],
]
const TAGS = ['baseline', 'knee', 'paper-fig-9', 'batch sweep', 'check']
const YEAR_MS = 365 * 24 * 3600 * 1000

/** A 32-bit LCG: the same history on every run of the benchmark. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function fill(store: Store, result: RunResult): void {
  const random = seededRandom(42)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const start = Date.UTC(2024, 0, 1)
  store.transaction(() => {
    for (let i = 0; i < RUNS; i++) {
      const scenario = ScenarioSchema.parse({
        name: `${pick(['chatbot', 'translation', 'long context', 'CoE'])} ${i % 50}`,
        systems: pick(SYSTEM_SETS),
        workload: { model: pick(MODELS), batch: pick([1, 2, 4, 8]), promptTokens: 128, outputTokens: 20 },
        seed: 1 + (i % 7),
      })
      const hash = scenarioHash(scenario)
      const createdAt = new Date(start + random() * YEAR_MS).toISOString()
      store.runs.insertComplete({
        scenarioId: store.scenarios.upsert(scenario, hash, createdAt),
        scenario,
        scenarioHash: hash,
        label: random() < 0.7 ? `${scenario.name} run ${i}` : null,
        simulatorVersion: SIMULATOR_VERSION,
        createdAt,
        seed: scenario.seed,
        seeds: 1,
        status: 'finished',
        notes: random() < 0.1 ? 'the knee of the curve is around batch 8' : null,
        tags: random() < 1 / 3 ? [pick(TAGS), pick(TAGS)] : [],
        starred: random() < 0.05,
        startedAt: createdAt,
        finishedAt: createdAt,
        error: null,
        result,
        replayOf: null,
      })
    }
  })
}

/** Median milliseconds of `tries` calls. */
function median(work: () => unknown, tries = TRIES): number {
  const times: number[] = []
  for (let i = 0; i < tries; i++) {
    const started = performance.now()
    work()
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)[Math.floor(tries / 2)]!
}

function millionPoints(result: RunResult): RunResult {
  const latency = Array.from({ length: 1_000_000 }, (_, i) => ({ time: i * 0.001, value: Math.sqrt(i) }))
  // The chatbot has no serving part: borrow one system's shape, with only the series that matters.
  const serving = { systemId: 'dgx-h100', series: { waiting: [], resident: [], switches: [], latency } }
  return { ...result, serving: [serving] } as unknown as RunResult
}

const dir = mkdtempSync(join(tmpdir(), 'memwall-bench-'))
try {
  const store = createStore(join(dir, 'history.db'))
  const result = simulate(chatbot)
  const filled = performance.now()
  fill(store, result)
  const count = RUNS.toLocaleString('en-US')
  console.log('run history (SQLite, WAL)')
  console.log(
    `  ${count} finished runs stored in one transaction: ${((performance.now() - filled) / 1000).toFixed(2)} s`,
  )

  const queries: [string, RunQueryInput][] = [
    [`first page of ${count} runs`, {}],
    ['first page filtered by tag', { tag: 'knee' }],
    ['first page of a text search (label or notes)', { text: 'knee' }],
    ['first page filtered by model', { model: 'llama2-70b' }],
  ]
  for (const [name, input] of queries) {
    const query = RunQuerySchema.parse(input)
    const ms = median(() => store.runs.page(query))
    console.log(`  ${name}: ${ms.toFixed(1)} ms (aim < 50 ms)`)
  }

  const big = millionPoints(result)
  const [saved, loaded] = [[] as number[], [] as number[]]
  for (let i = 0; i < 5; i++) {
    const { id } = store.runs.insert({
      scenarioId: 1,
      scenario: chatbot,
      scenarioHash: scenarioHash(chatbot),
      label: 'a million points',
      simulatorVersion: SIMULATOR_VERSION,
      createdAt: new Date().toISOString(),
      owner: 'bench:1',
    })
    saved.push(median(() => store.runs.markFinished(id, big, new Date().toISOString()), 1))
    loaded.push(median(() => store.runs.getDetail(id), 1))
  }
  const mid = (times: number[]): number => times.sort((x, y) => x - y)[Math.floor(times.length / 2)]!
  console.log(
    `  a result with a 1,000,000-point series: saved in ${mid(saved).toFixed(0)} ms, loaded in ${mid(loaded).toFixed(0)} ms (median of 5)`,
  )
  store.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
