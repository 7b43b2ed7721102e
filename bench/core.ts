// The analytic model's figures: scenario evaluations per second on one core, and its memory.
import { Bench } from 'tinybench'
import { resolveSystem } from '../main/sim/assumptions'
import { MODEL_PRESETS } from '../main/sim/models/presets'
import { PhaseAccumulator } from '../main/sim/perf/phase'
import { forwardCollectives } from '../main/sim/perf/inference'
import { forwardOperators } from '../main/sim/models/operators'
import { simulate } from '../main/sim/simulate'
import { paperReport } from '../main/sim/paper/report'
import { chatbot } from './scenarios'

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
