import { resolveSystem } from '../main/sim/assumptions'
import { simulateServing } from '../main/sim/coe/simulate'
import { ServingSchema } from '../main/sim/scenario/servingSchema'
import { chatbot } from './scenarios'

const sn40l = resolveSystem('sn40l-node', chatbot)

// The CoE serving simulation: events per second on one core, and memory as requests grow.
console.log('CoE serving simulation (one thread, SN40L node, 100 Zipf-routed experts)')
const servingConfig = (requests: number) =>
  ServingSchema.parse({
    experts: 100,
    traffic: { kind: 'poisson', rate: 1.5 },
    requests,
    routing: { kind: 'zipf', exponent: 1 },
    promptTokens: { kind: 'lognormal', median: 128, sigma: 0.5, max: 1024 },
    outputTokens: { kind: 'lognormal', median: 20, sigma: 0.7, max: 256 },
  })
/** Bytes the run holds: the JS heap and the typed arrays' stores, which live outside it. */
const live = (): number => {
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  return heapUsed + arrayBuffers
}

function measure(label: string, requests: number, seed: number): void {
  const config = servingConfig(requests)
  const started = performance.now()
  const result = simulateServing(sn40l, config, seed)
  const seconds = (performance.now() - started) / 1000
  // A second pass measures live memory: collect garbage at every 25th progress call, keep the peak.
  const collect = (globalThis as { gc?: () => void }).gc
  let peakLive = NaN
  if (collect) {
    collect()
    const base = live()
    let calls = 0
    peakLive = 0
    simulateServing(sn40l, config, seed, {
      onProgress: () => {
        if (++calls % 25 !== 0) return
        collect()
        peakLive = Math.max(peakLive, live() - base)
      },
    })
  }
  console.log(
    `  ${label}${requests.toLocaleString('en-US')} requests: ${result.events.toLocaleString('en-US')} events in ${seconds.toFixed(2)} s, ` +
      `${(result.events / seconds / 1e6).toFixed(2)} M events/s, peak live memory ${collect ? `${(peakLive / 1e6).toFixed(1)} MB` : 'n/a (run with --expose-gc)'}`,
  )
}

// The first run in a fresh process pays for the JIT's warm-up (once per worker thread in the app).
measure('first run, ', 100_000, 2)
// Then one more unmeasured run, so the figures below are of optimised code.
simulateServing(sn40l, servingConfig(200_000), 3)
for (const requests of [100_000, 1_000_000]) measure('', requests, 1)
