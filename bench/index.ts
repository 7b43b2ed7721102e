// `npm run bench`: figures for the simulation core and the run pipeline. Prints, never asserts.
import { Bench } from 'tinybench'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resolveSystem } from '../main/sim/assumptions'
import { MODEL_PRESETS } from '../main/sim/models/presets'
import { PhaseAccumulator } from '../main/sim/perf/phase'
import { forwardCollectives } from '../main/sim/perf/inference'
import { forwardOperators } from '../main/sim/models/operators'
import { simulate } from '../main/sim/simulate'
import { paperReport } from '../main/sim/paper/report'
import { simulateServing } from '../main/sim/coe/simulate'
import { ServingSchema } from '../main/sim/scenario/servingSchema'
import { ScenarioSchema } from '../main/sim/scenario/schema'
import { createContainer } from '../main/container'
import { silentLogger } from '../main/services/logger'

const chatbot = ScenarioSchema.parse({
  name: 'bench',
  systems: ['sn40l-node', 'dgx-h100', 'dgx-a100'],
  workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20 },
})
const systems = chatbot.systems.map((id) => resolveSystem(id, chatbot))
const model = MODEL_PRESETS['llama2-7b']

const decodeShape = { batch: 1, newTokens: 1, pastTokens: 128, logitTokens: 1 }

/** One Llama-2-7B decode step: its operators derived once, then timed on each of the three systems. */
function decodeStepOnThreeSystems(): number {
  const ops = forwardOperators(model, decodeShape, 2)
  const collectives = forwardCollectives(model, decodeShape, 2)
  let seconds = 0
  for (const system of systems) {
    const phase = new PhaseAccumulator(system)
    phase.add(ops, collectives, 1)
    seconds += phase.seconds()
  }
  return seconds
}

/** Calls per benchmark sample: amortises the harness's own per-sample cost over many evaluations. */
const BATCH = 1000

/** Runs one benchmark on its own, so the JIT state of one does not colour another's figure. */
async function evaluationsPerSecond(name: string, evaluate: () => unknown, perSample = 1): Promise<void> {
  const bench = new Bench({ name, time: 1000 })
  bench.add(name, evaluate)
  await bench.run()
  const result = bench.tasks[0]!.result
  const throughput = result.state === 'completed' ? result.throughput.mean * perSample : NaN
  console.log(`  ${name}: ${Math.round(throughput).toLocaleString('en-US')} evaluations/s`)
}

console.log('simulation core (one thread)')
await evaluationsPerSecond(
  'decode step of llama2-7b on 3 systems',
  () => {
    for (let i = 0; i < BATCH; i++) decodeStepOnThreeSystems()
  },
  BATCH,
)
await evaluationsPerSecond('chatbot scenario (128 in / 20 out, 3 systems)', () => simulate(chatbot))
await evaluationsPerSecond('the whole paper reproduction (memwall paper)', () => paperReport())
console.log(`  heap in use after the core benchmarks: ${(process.memoryUsage().heapUsed / 1e6).toFixed(1)} MB`)

// The CoE serving simulation: events per second on one core, and memory as requests grow.
console.log('CoE serving simulation (one thread, SN40L node, 100 Zipf-routed experts)')
for (const requests of [100_000, 1_000_000]) {
  const config = ServingSchema.parse({
    experts: 100,
    traffic: { kind: 'poisson', rate: 1.5 },
    requests,
    routing: { kind: 'zipf', exponent: 1 },
    promptTokens: { kind: 'lognormal', median: 128, sigma: 0.5, max: 1024 },
    outputTokens: { kind: 'lognormal', median: 20, sigma: 0.7, max: 256 },
  })
  const started = performance.now()
  const result = simulateServing(systems[0]!, config, 1)
  const seconds = (performance.now() - started) / 1000
  // A second pass measures live memory: collect garbage at each progress call, keep the peak.
  const collect = (globalThis as { gc?: () => void }).gc
  let peakLive = NaN
  if (collect) {
    collect()
    const base = process.memoryUsage().heapUsed
    let calls = 0
    peakLive = 0
    simulateServing(systems[0]!, config, 1, {
      onProgress: () => {
        if (++calls % 25 !== 0) return
        collect()
        peakLive = Math.max(peakLive, process.memoryUsage().heapUsed - base)
      },
    })
  }
  console.log(
    `  ${requests.toLocaleString('en-US')} requests: ${result.events.toLocaleString('en-US')} events in ${seconds.toFixed(2)} s, ` +
      `${(result.events / seconds / 1e6).toFixed(2)} M events/s, peak live heap ${collect ? `${(peakLive / 1e6).toFixed(1)} MB` : 'n/a (run with --expose-gc)'}`,
  )
}

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
await container.shutdown()
rmSync(dir, { recursive: true, force: true })
