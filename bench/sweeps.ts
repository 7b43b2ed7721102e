import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { createContainer } from '../main/container'
import { silentLogger } from '../main/services/logger'
import { ScenarioSchema, type SweepAxis } from '../contract/api'
import { chatbot } from './scenarios'

// Sweeps through the whole pipeline (grid check, SQLite, worker pool), with 1 and then 2 worker
// threads. The worker is bundled as the app ships it, so the figures measure the simulator, not
// tsx loading it module by module.
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url))
const workerFile = here('../out/bench/simWorker.mjs')
await build({
  entryPoints: [here('../main/workers/simWorker.ts')],
  outfile: workerFile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
})

const range = (count: number, first: number, step: number): number[] =>
  Array.from({ length: count }, (_, i) => first + i * step)
const footprint = ScenarioSchema.parse(
  JSON.parse(readFileSync(here('../resources/scenarios/coe-footprint.json'), 'utf8')),
)
// 2,000 requests a point, at expert counts every system serves from one machine: each point simulates.
const serving = { ...footprint, serving: { ...footprint.serving!, requests: 2000 } }

const sweeps: { name: string; scenario: typeof chatbot; axes: SweepAxis[] }[] = [
  {
    name: 'analytic: 100 batches × 100 prompt lengths, 3 systems',
    scenario: chatbot,
    axes: [
      { path: 'workload.batch', values: range(100, 1, 1) },
      { path: 'workload.promptTokens', values: range(100, 32, 32) },
    ],
  },
  {
    name: 'serving: 27 expert counts × 3 cache policies, 2,000 requests, 3 systems',
    scenario: serving,
    axes: [
      { path: 'serving.experts', values: range(27, 10, 5) },
      { path: 'serving.cachePolicy', values: ['lru', 'lfu', 'pinned'] },
    ],
  },
]

const dir = mkdtempSync(join(tmpdir(), 'memwall-bench-'))
console.log('sweeps (grid check + SQLite + worker pool, bundled worker)')
const rates = new Map<string, number[]>()
for (const threads of [1, 2]) {
  const container = createContainer({
    dbPath: join(dir, `sweeps-${threads}.db`),
    logger: silentLogger,
    maxThreads: threads,
    workerFile: pathToFileURL(workerFile),
  })
  // Each sweep once untimed: thread start and each thread's JIT warm-up are not the figure.
  for (const { scenario, axes } of sweeps)
    await container.sweeps.waitFor((await container.sweeps.start({ scenario, axes })).id)
  for (const { name, scenario, axes } of sweeps) {
    const started = performance.now()
    const { id, points } = await container.sweeps.start({ scenario, axes })
    const sweep = await container.sweeps.waitFor(id)
    const seconds = (performance.now() - started) / 1000
    const rate = points / seconds
    rates.set(name, [...(rates.get(name) ?? []), rate])
    const status = sweep.status === 'finished' && sweep.failed === 0 ? '' : ` (${sweep.status}, ${sweep.failed} failed)`
    console.log(
      `  ${name}, ${threads} worker(s): ${points} points in ${seconds.toFixed(2)} s, ${rate.toFixed(0)} points/s${status}`,
    )
  }
  await container.shutdown()
}
for (const [name, [one, two]] of rates) {
  if (one && two) console.log(`  ${name}: 2 workers ${(two / one).toFixed(2)}× the points/s of 1`)
}
rmSync(dir, { recursive: true, force: true })
