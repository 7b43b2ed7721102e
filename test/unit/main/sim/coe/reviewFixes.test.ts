import { describe, expect, it } from 'vitest'
import { resolveSpec } from '../../../../../main/sim/assumptions'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import { ServingSchema, type ServingInput } from '../../../../../main/sim/scenario/servingSchema'
import { simulateServing } from '../../../../../main/sim/coe/simulate'

const sn40l = resolveSpec(SYSTEM_PRESETS['sn40l-node'], {
  assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' },
})
/** Fixed service times and free switches: every cache policy then sees the same accesses. */
const service = (prefill: number) => ({
  prefillSeconds: () => prefill,
  decodeSeconds: () => 0,
  decodeStepSeconds: () => 0,
  routerSeconds: () => 0,
  switchSeconds: 0,
})
const config = (input: Partial<ServingInput>) =>
  ServingSchema.parse({
    experts: 30,
    routerModel: null,
    traffic: { kind: 'poisson', rate: 50 },
    requests: 3000,
    ...input,
  })

describe('fixes from review', () => {
  it.each([1, 2, 3, 4, 5])('Belady hits at least as often as LRU and LFU with batches of 4 (seed %i)', (seed) => {
    // Llama 2 70B experts: the SN40L node's HBM holds 3 of them, so the 30 experts keep evicting
    const base = { expertModel: 'llama2-70b' as const, maxBatch: 4, routing: { kind: 'zipf' as const, exponent: 0.8 } }
    const hits = (cachePolicy: 'lru' | 'lfu' | 'belady') =>
      simulateServing(sn40l, config({ ...base, cachePolicy }), seed, { service: service(0.01) }).hitRate
    const belady = hits('belady')
    expect(belady).toBeGreaterThanOrEqual(hits('lru'))
    expect(belady).toBeGreaterThanOrEqual(hits('lfu'))
  })

  it('does not let resident-first starve an expert behind a steady stream to another', () => {
    // expert 0 every 50 ms for 20 s (80% busy at 40 ms each), one request for expert 1 at t = 1 s
    const arrivals = Array.from({ length: 400 }, (_, i) => ({
      time: i * 0.05,
      promptTokens: 8,
      outputTokens: 1,
      expert: 0,
    }))
    arrivals.splice(21, 0, { time: 1.0001, promptTokens: 8, outputTokens: 1, expert: 1 })
    const result = simulateServing(
      sn40l,
      config({
        experts: 2,
        maxBatch: 1,
        scheduling: 'residentFirst',
        fairnessSeconds: 1,
        traffic: { kind: 'trace', arrivals },
        requests: arrivals.length,
      }),
      1,
      { service: service(0.04) },
    )
    // the lone request waits at most the fairness bound plus the batch in progress and its own
    expect(result.e2e.max).toBeLessThan(1 + 0.04 + 0.04 + 1e-9)
  })

  it('pins the experts a trace actually uses', () => {
    // every request goes to experts 90–99 of 100; the pinned set must be those, not 0, 1, 2, …
    const arrivals = Array.from({ length: 2000 }, (_, i) => ({
      time: i * 0.01,
      promptTokens: 8,
      outputTokens: 1,
      expert: 90 + (i % 10),
    }))
    const result = simulateServing(
      sn40l,
      config({ experts: 100, cachePolicy: 'pinned', traffic: { kind: 'trace', arrivals }, requests: 2000 }),
      1,
      { service: service(0.001) },
    )
    // ten pinned experts: every access hits, the first ones included
    expect(result.hitRate).toBe(1)
  })
})
