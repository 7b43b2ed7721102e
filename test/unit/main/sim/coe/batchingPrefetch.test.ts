import { describe, expect, it } from 'vitest'
import { resolveSpec } from '../../../../../main/sim/assumptions'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import { MODEL_PRESETS } from '../../../../../main/sim/models/presets'
import { ServingSchema, type ServingInput } from '../../../../../main/sim/scenario/servingSchema'
import { createServiceModel, type ServiceModel } from '../../../../../main/sim/coe/serviceModel'
import { simulateServing, type ServingHooks } from '../../../../../main/sim/coe/simulate'
import type { ServingMetrics } from '../../../../../main/sim/coe/servingMetrics'

const assumptions = { assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' as const } }
const sn40l = resolveSpec(SYSTEM_PRESETS['sn40l-node'], assumptions)
const a100 = resolveSpec(SYSTEM_PRESETS['dgx-a100'], assumptions)

const config = (input: Partial<ServingInput> = {}) =>
  ServingSchema.parse({
    experts: 100,
    traffic: { kind: 'poisson', rate: 4 },
    requests: 5000,
    routing: { kind: 'zipf', exponent: 1 },
    ...input,
  })

type TraceArrival = { time: number; promptTokens: number; outputTokens: number; expert: number }
const trace = (arrivals: TraceArrival[], input: Partial<ServingInput> = {}) =>
  config({ routerModel: null, traffic: { kind: 'trace', arrivals }, requests: arrivals.length, ...input })

/** Round numbers for hand checks: prefill 0.5 s, each decode step 0.1 s, switches as given. */
const handService = (switchSeconds: number): ServiceModel => ({
  prefillSeconds: () => 0.5,
  decodeSeconds: (_batch, _prompt, output) => (output - 1) * 0.1,
  decodeStepSeconds: () => 0.1,
  routerSeconds: () => 0,
  switchSeconds,
})

const littleRatio = ({ littlesLaw }: ReturnType<typeof simulateServing>) =>
  littlesLaw.inSystem / (littlesLaw.arrivalRate * littlesLaw.meanLatency)

/** Runs with hooks that record every batch start's residency and the run's own tallies. */
function observed(system: typeof sn40l, serving: ReturnType<typeof config>, seed: number, hooks: ServingHooks = {}) {
  const starts: { expert: number; loaded: boolean }[] = []
  let metrics: Readonly<ServingMetrics> | undefined
  const result = simulateServing(system, serving, seed, {
    ...hooks,
    onBatchStart: (expert, loaded) => starts.push({ expert, loaded }),
    onFinished: (m) => (metrics = m),
  })
  return { result, starts, metrics: metrics! }
}

describe('continuous batching', () => {
  it('defaults to the paper’s batches', () => {
    expect(config().batching).toBe('paper')
    expect(config().prefetch).toBe(false)
  })

  it.each([
    ['resident first', { scheduling: 'residentFirst' as const }],
    ['fcfs, LFU', { cachePolicy: 'lfu' as const }],
    [
      'no router, lognormal lengths',
      {
        routerModel: null,
        promptTokens: { kind: 'lognormal' as const, median: 128, sigma: 0.5, max: 1024 },
        outputTokens: { kind: 'lognormal' as const, median: 20, sigma: 0.7, max: 256 },
      },
    ],
  ])('completes every request and keeps Little’s law within 2%: %s', (_label, input) => {
    const result = simulateServing(sn40l, config({ batching: 'continuous', ...input }), 11)
    expect(result.requests.completed).toBe(5000)
    expect(Math.abs(littleRatio(result) - 1)).toBeLessThan(0.02)
  })

  it('accounts for every request with timeouts', () => {
    const input = {
      batching: 'continuous' as const,
      timeoutSeconds: 0.05,
      traffic: { kind: 'poisson' as const, rate: 60 },
    }
    const { requests } = simulateServing(sn40l, config(input), 3)
    expect(requests.timedOut).toBeGreaterThan(0)
    expect(requests.completed + requests.dropped + requests.timedOut + requests.stillQueued).toBe(requests.arrived)
  })

  it('gives byte-identical results for the same seed', () => {
    const serving = config({ batching: 'continuous', scheduling: 'residentFirst' })
    const first = JSON.stringify(simulateServing(sn40l, serving, 7))
    expect(JSON.stringify(simulateServing(sn40l, serving, 7))).toBe(first)
    expect(JSON.stringify(simulateServing(sn40l, serving, 8))).not.toBe(first)
  })

  it('lets a request join the running batch: hand-checked times', () => {
    // A (10 in, 11 out) at 0; B (10 in, 2 out) at 0.55 s; one expert, switches free.
    const arrivals = [
      { time: 0, promptTokens: 10, outputTokens: 11, expert: 0 },
      { time: 0.55, promptTokens: 10, outputTokens: 2, expert: 0 },
    ]
    const hooks = { service: handService(0) }
    // Paper: A prefills to 0.5 and decodes 10 steps to 1.5; B waits, prefills to 2.0, decodes to 2.1.
    const paper = simulateServing(sn40l, trace(arrivals, { experts: 1 }), 1, hooks)
    expect(paper.ttft.mean).toBeCloseTo((0.5 + 1.45) / 2, 9)
    expect(paper.e2e.mean).toBeCloseTo((1.5 + 1.55) / 2, 9)
    // Continuous: A's first decode step ends at 0.6; B joins, prefills to 1.1 (TTFT 0.55), and
    // one step later (1.2) is done; A's other 8 steps end at 2.0.
    const continuous = simulateServing(sn40l, trace(arrivals, { experts: 1, batching: 'continuous' }), 1, hooks)
    expect(continuous.ttft.mean).toBeCloseTo((0.5 + 0.55) / 2, 9)
    expect(continuous.e2e.mean).toBeCloseTo((2.0 + 0.65) / 2, 9)
    expect(continuous.tpot.mean).toBeCloseTo((1.5 / 10 + 0.1 / 1) / 2, 9)
    expect(continuous.e2e.max).toBeCloseTo(2.0, 9)
    expect(continuous.hitRate).toBe(0.5) // the first batch misses, the join hits
  })

  it('matches the paper’s closed form when nothing joins or leaves early', () => {
    // Four requests together, one output length: one batch in either mode, the same steps.
    const arrivals = [100, 128, 64, 90].map((promptTokens) => ({ time: 0, promptTokens, outputTokens: 50, expert: 3 }))
    const service = createServiceModel(sn40l, MODEL_PRESETS['llama2-7b'], null, 2)
    const expected = service.switchSeconds + service.prefillSeconds(4, 128) + service.decodeSeconds(4, 128, 50)
    for (const batching of ['paper', 'continuous'] as const) {
      const result = simulateServing(sn40l, trace(arrivals, { experts: 4, batching }), 1)
      expect(result.e2e.mean).toBeCloseTo(expected, 12)
      expect(result.e2e.max).toBeCloseTo(expected, 12)
    }
  })

  it.each([
    ['one expert, FCFS', 0, 'fcfs' as const],
    ['every tenth request for another expert, resident first', 10, 'residentFirst' as const],
  ])(
    'lowers mean TTFT when requests for the running expert arrive while its batch decodes: %s',
    (_l, mix, scheduling) => {
      // A request every 50 ms, 120 tokens each: a batch decodes for about 0.4 s while more arrive.
      const arrivals = Array.from({ length: 40 }, (_, i) => ({
        time: i * 0.05,
        promptTokens: 128,
        outputTokens: 120,
        expert: mix > 0 && i % mix === mix - 1 ? 1 : 0,
      }))
      const run = (batching: 'paper' | 'continuous') =>
        simulateServing(sn40l, trace(arrivals, { experts: 2, scheduling, batching }), 1)
      const paper = run('paper')
      const continuous = run('continuous')
      expect(paper.requests.completed).toBe(40)
      expect(continuous.requests.completed).toBe(40)
      expect(continuous.ttft.mean).toBeLessThan(paper.ttft.mean * 0.8)
      expect(continuous.e2e.mean).toBeLessThan(paper.e2e.mean)
    },
  )
})

describe('prefetch', () => {
  /** Switch-heavy: 20 Falcon-40B experts on a DGX A100, which holds 6; uniform routing, no router. */
  const switchHeavy = (input: Partial<ServingInput> = {}) =>
    config({
      experts: 20,
      expertModel: 'falcon-40b',
      routerModel: null,
      routing: { kind: 'uniform' },
      traffic: { kind: 'poisson', rate: 0.3 },
      requests: 3000,
      ...input,
    })

  it('hides a switch behind the batch before it: hand-checked times', () => {
    // Experts 0 and 1 at time 0, one output token each: prefill 0.5 s, switch 1 s.
    const arrivals = [0, 1].map((expert) => ({ time: 0, promptTokens: 16, outputTokens: 1, expert }))
    const hooks = { service: handService(1) }
    // Without: switch to 1, batch to 1.5, switch to 2.5, batch to 3.0.
    const without = observed(a100, trace(arrivals, { experts: 20, expertModel: 'falcon-40b' }), 1, hooks)
    expect(without.result.e2e.mean).toBeCloseTo((1.5 + 3.0) / 2, 9)
    // With: expert 1 copies from 1 to 2 beside expert 0's batch; its batch runs 2 to 2.5.
    const serving = trace(arrivals, { experts: 20, expertModel: 'falcon-40b', prefetch: true })
    const { result, starts, metrics } = observed(a100, serving, 1, hooks)
    expect(result.e2e.mean).toBeCloseTo((1.5 + 2.5) / 2, 9)
    expect(result.switching.count).toBe(2) // the hidden one counts too
    expect(result.switching.seconds).toBeCloseTo(2, 9)
    expect(result.hitRate).toBe(0.5)
    expect(metrics.prefetches).toBe(1)
    expect(metrics.hiddenSwitches).toBe(1)
    expect(metrics.hiddenSwitchSeconds).toBeCloseTo(0.5, 9) // the batch waited out the other half
    expect(starts).toEqual([
      { expert: 0, loaded: true },
      { expert: 1, loaded: true },
    ])
  })

  it('skips the prefetch when the cache would evict the running expert', () => {
    // Pinned with 6 slots: the trace's busiest experts 0–4 (three requests each, long after) are
    // pinned, one LRU slot is left. Expert 10 runs in it, so 11 must wait: no prefetch possible.
    const later = [0, 1, 2, 3, 4].flatMap((expert) =>
      [0, 1, 2].map(() => ({ time: 100, promptTokens: 16, outputTokens: 1, expert })),
    )
    const arrivals = [...[10, 11].map((expert) => ({ time: 0, promptTokens: 16, outputTokens: 1, expert })), ...later]
    const serving = trace(arrivals, { experts: 20, expertModel: 'falcon-40b', cachePolicy: 'pinned', prefetch: true })
    const { result, metrics } = observed(a100, serving, 1, { service: handService(1) })
    expect(result.residentSlots).toBe(6)
    expect(metrics.prefetches).toBe(0)
    // expert 11 is switched in only after expert 10's batch: its request ends at 3.0 s
    expect(result.e2e.max).toBeCloseTo(3.0, 9)
  })

  it.each(['paper', 'continuous'] as const)(
    'lowers mean latency on a switch-heavy run and serves only loaded experts (%s batches)',
    (batching) => {
      const without = observed(a100, switchHeavy({ batching }), 3)
      const withPrefetch = observed(a100, switchHeavy({ batching, prefetch: true }), 3)
      expect(withPrefetch.result.requests.completed).toBe(3000)
      expect(withPrefetch.result.e2e.mean).toBeLessThan(without.result.e2e.mean * 0.95)
      expect(withPrefetch.metrics.hiddenSwitches).toBeGreaterThan(100)
      expect(withPrefetch.metrics.hiddenSwitches).toBeLessThanOrEqual(withPrefetch.metrics.prefetches)
      expect(without.metrics.prefetches).toBe(0)
      for (const run of [without, withPrefetch]) {
        expect(run.starts.length).toBeGreaterThan(0)
        expect(run.starts.every((start) => start.loaded)).toBe(true)
      }
      expect(Math.abs(littleRatio(withPrefetch.result) - 1)).toBeLessThan(0.02)
    },
  )

  it('serves only loaded experts under LFU and resident-first scheduling too', () => {
    for (const input of [{ cachePolicy: 'lfu' as const }, { scheduling: 'residentFirst' as const }]) {
      const { result, starts } = observed(a100, switchHeavy({ prefetch: true, ...input }), 5)
      expect(result.requests.completed).toBe(3000)
      expect(starts.every((start) => start.loaded)).toBe(true)
    }
  })

  it('gives byte-identical results for the same seed', () => {
    for (const batching of ['paper', 'continuous'] as const) {
      const serving = switchHeavy({ batching, prefetch: true, requests: 1000 })
      const first = JSON.stringify(simulateServing(a100, serving, 4))
      expect(JSON.stringify(simulateServing(a100, serving, 4))).toBe(first)
      expect(JSON.stringify(simulateServing(a100, serving, 5))).not.toBe(first)
    }
  })

  it('is skipped with Belady’s cache', () => {
    const belady = { cachePolicy: 'belady' as const, requests: 1000 }
    const { result, metrics } = observed(a100, switchHeavy({ ...belady, prefetch: true }), 2)
    expect(metrics.prefetches).toBe(0)
    expect(JSON.stringify(result)).toBe(JSON.stringify(simulateServing(a100, switchHeavy(belady), 2)))
  })
})
