import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createContainer } from '../main/container'
import { silentLogger } from '../main/services/logger'
import { chatbot } from './scenarios'

// The run pipeline: SQLite + worker pool, including the thread start of the first run.
const dir = mkdtempSync(join(tmpdir(), 'memwall-bench-'))
const container = createContainer({ dbPath: join(dir, 'bench.db'), logger: silentLogger })
const runs = 40
const started = performance.now()
const ids = Array.from({ length: runs }, () => container.runs.start({ scenario: chatbot }).id)
await Promise.all(ids.map((id) => container.runs.waitFor(id)))
const seconds = (performance.now() - started) / 1000
console.log('run pipeline (SQLite + 2 worker threads)')
console.log(`  ${runs} chatbot runs stored in ${seconds.toFixed(2)} s: ${(runs / seconds).toFixed(1)} runs/s`)
console.log(`  resident memory: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`)

// One run at a time, threads warm: what a run costs beyond its own simulation (queue, messages,
// the store's writes). The bound is 50 ms.
const overheads: number[] = []
for (let i = 0; i < 20; i++) {
  const begun = performance.now()
  const run = await container.runs.waitFor(container.runs.start({ scenario: chatbot }).id)
  const wall = performance.now() - begun
  overheads.push(wall - (run.result?.provenance.wallSeconds ?? 0) * 1000)
}
overheads.sort((a, b) => a - b)
console.log(
  `  beyond the simulation, per run (20 one at a time): median ${overheads[10]!.toFixed(1)} ms, max ${overheads.at(-1)!.toFixed(1)} ms`,
)
await container.shutdown()
rmSync(dir, { recursive: true, force: true })
