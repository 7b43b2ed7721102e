import { describe, expect, it } from 'vitest'
import { resolveSpec } from '../../../../../main/sim/assumptions'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import { createStream, exponential } from '../../../../../main/sim/rng'
import { ServingSchema, type ServingInput } from '../../../../../main/sim/scenario/servingSchema'
import { simulateServing } from '../../../../../main/sim/coe/simulate'

const sn40l = resolveSpec(SYSTEM_PRESETS['sn40l-node'], {
  assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' },
})
const h100 = resolveSpec(SYSTEM_PRESETS['dgx-h100'], {
  assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' },
})
const config = (input: Partial<ServingInput> = {}) =>
  ServingSchema.parse({
    experts: 100,
    traffic: { kind: 'poisson', rate: 4 },
    requests: 5000,
    routing: { kind: 'zipf', exponent: 1 },
    ...input,
  })

describe('simulateServing', () => {
  it('gives byte-identical results for the same seed, and different ones for another', () => {
    const first = JSON.stringify(simulateServing(sn40l, config(), 7))
    expect(JSON.stringify(simulateServing(sn40l, config(), 7))).toBe(first)
    expect(JSON.stringify(simulateServing(sn40l, config(), 8))).not.toBe(first)
  })

  it('accounts for every request: completed, dropped, timed out or still queued', () => {
    for (const input of [{}, { timeoutSeconds: 0.05, traffic: { kind: 'poisson' as const, rate: 40 } }]) {
      const { requests } = simulateServing(h100, config(input), 3)
      expect(requests.arrived).toBe(5000)
      expect(requests.completed + requests.dropped + requests.timedOut + requests.stillQueued).toBe(requests.arrived)
    }
  })

  it.each([
    ['fcfs, LRU', {}],
    ['resident first, LFU', { scheduling: 'residentFirst' as const, cachePolicy: 'lfu' as const }],
    [
      'bursty traffic, pinned',
      {
        traffic: {
          kind: 'mmpp' as const,
          rates: [1, 12] as [number, number],
          switchRates: [0.5, 2] as [number, number],
        },
        cachePolicy: 'pinned' as const,
      },
    ],
    ['Belady', { cachePolicy: 'belady' as const }],
  ])('keeps Little’s law within 2%: %s', (_label, input) => {
    const { littlesLaw } = simulateServing(sn40l, config(input), 11)
    const lambdaW = littlesLaw.arrivalRate * littlesLaw.meanLatency
    expect(Math.abs(littlesLaw.inSystem / lambdaW - 1)).toBeLessThan(0.02)
  })

  it('splits busy time into router passes, waited switches and the experts, adding up to utilisation', () => {
    for (const input of [{}, { routerModel: null }, { prefetch: true }]) {
      const result = simulateServing(h100, config(input), 5)
      const busy = result.busy!
      expect(busy.seconds).toBeCloseTo(result.utilisation * result.simulatedSeconds, 9)
      expect(busy.router + busy.switching + busy.experts).toBeCloseTo(busy.seconds, 9)
      if (input.routerModel === null) expect(busy.router).toBe(0)
      else expect(busy.router).toBeGreaterThan(0)
      // without prefetch every switch is waited for
      if (!input.prefetch) expect(busy.switching).toBeCloseTo(result.switching.seconds, 12)
      else expect(busy.switching).toBeLessThanOrEqual(result.switching.seconds)
    }
  })

  it('hits about slots / experts under uniform routing with LRU', () => {
    const result = simulateServing(sn40l, config({ routing: { kind: 'uniform' }, maxBatch: 1, requests: 20000 }), 5)
    // SN40L node: 36 slots of 100 experts
    expect(result.residentSlots).toBe(36)
    expect(result.hitRate).toBeGreaterThan(0.36 - 0.03)
    expect(result.hitRate).toBeLessThan(0.36 + 0.03)
  })

  it('hits at least as often with Belady’s optimal cache as with LRU', () => {
    const lru = simulateServing(sn40l, config(), 2)
    const belady = simulateServing(sn40l, config({ cachePolicy: 'belady' }), 2)
    expect(belady.hitRate).toBeGreaterThanOrEqual(lru.hitRate)
  })

  it('matches M/M/1 mean latency within 3% at utilisation 0.7 (one expert, no switching, exponential service)', () => {
    // λ = 7/s, μ = 10/s: W = 1 / (μ − λ) = 1/3 s
    const stream = createStream(99, 'service')
    const service = {
      prefillSeconds: () => exponential(stream, 10),
      decodeSeconds: () => 0,
      decodeStepSeconds: () => 0,
      routerSeconds: () => 0,
      switchSeconds: 0,
    }
    const mm1 = config({
      experts: 1,
      routerModel: null,
      maxBatch: 1,
      traffic: { kind: 'poisson', rate: 7 },
      requests: 200_000,
    })
    const result = simulateServing(sn40l, mm1, 1, { service })
    expect(result.e2e.mean).toBeGreaterThan((1 / 3) * 0.97)
    expect(result.e2e.mean).toBeLessThan((1 / 3) * 1.03)
    expect(result.utilisation).toBeCloseTo(0.7, 1)
  })

  it('says out of memory where the experts fit neither HBM nor the capacity tier', () => {
    const result = simulateServing(h100, config({ experts: 150 }), 1)
    expect(result.status).toBe('outOfMemory')
    expect(result.message).toMatch(/150 experts need 2\.02 TB/)
  })
})
