import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type CachePolicyName, createExpertCache } from '../../../../../../../main/sim/coe/policies/cache'
import { replay } from './replay'

const trace = [0, 1, 2, 0, 1, 3, 0, 3, 1, 2]
const options = { pinned: [0], future: trace }

function hitCount(hits: readonly boolean[]): number {
  return hits.filter(Boolean).length
}

/** The trace's experts, most frequent first (ties → lower id). */
function byFrequency(accesses: readonly number[]): number[] {
  const counts = new Map<number, number>()
  for (const expert of accesses) counts.set(expert, (counts.get(expert) ?? 0) + 1)
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a - b)
}

describe('createExpertCache', () => {
  it.each([
    // hit counts worked by hand in each policy's test
    { policy: 'lru', hits: 1 },
    { policy: 'lfu', hits: 0 },
    { policy: 'pinned', hits: 4 },
    { policy: 'belady', hits: 3 },
  ] as const)('dispatches $policy', ({ policy, hits }) => {
    expect(hitCount(replay(createExpertCache(policy, 2, options), trace))).toBe(hits)
  })

  it('says which option a policy is missing', () => {
    expect(() => createExpertCache('pinned', 2, {})).toThrow('options.pinned')
    expect(() => createExpertCache('belady', 2)).toThrow('options.future')
    expect(() => createExpertCache('fifo' as CachePolicyName, 2)).toThrow("unknown cache policy 'fifo'")
  })

  it('rejects a slot count that is not a whole number ≥ 0', () => {
    expect(() => createExpertCache('lru', -1)).toThrow('slots must be a whole number ≥ 0, got -1')
    expect(() => createExpertCache('lfu', 1.5)).toThrow('got 1.5')
  })

  it.each(['lru', 'lfu', 'pinned', 'belady'] as const)('with no slots, %s misses every access', (policy) => {
    const cache = createExpertCache(policy, 0, options)
    expect(hitCount(replay(cache, trace))).toBe(0)
    expect([cache.residentCount(), cache.victim(), cache.has(0)]).toEqual([0, -1, false])
  })

  it('never lets an online policy beat Belady', () => {
    const cases = fc
      .record({ experts: fc.integer({ min: 1, max: 20 }), slots: fc.integer({ min: 0, max: 10 }) })
      .chain(({ experts, slots }) =>
        fc.record({
          slots: fc.constant(slots),
          trace: fc.array(fc.integer({ min: 0, max: experts - 1 }), { maxLength: 300 }),
        }),
      )
    fc.assert(
      fc.property(cases, ({ slots, trace }) => {
        // Pinning every slot would bypass the cache for the rest (see below); keep one LRU slot.
        const pinned = byFrequency(trace).slice(0, Math.max(0, slots - 1))
        const hits = (policy: CachePolicyName) =>
          hitCount(replay(createExpertCache(policy, slots, { pinned, future: trace }), trace))
        const optimal = hits('belady')
        expect(optimal).toBeGreaterThanOrEqual(hits('lru'))
        expect(optimal).toBeGreaterThanOrEqual(hits('lfu'))
        // Pinned experts are loaded before the run, so their first accesses hit for free; Belady
        // starts cold. Charged as misses, those preloads make pinned an ordinary policy again.
        expect(optimal).toBeGreaterThanOrEqual(hits('pinned') - pinned.length)
      }),
      { numRuns: 300 },
    )
  })

  it('lets pinned beat Belady when every slot is pinned: the others then bypass the cache', () => {
    // slots 1, trace 0 1 0. Belady must admit 1 and evict 0: miss, miss, miss → 0 hits.
    // Pinned [0]: 0 hit (preloaded), 1 miss and not kept, 0 hit → 2 hits, 1 once the preload is charged.
    const trace = [0, 1, 0]
    expect(hitCount(replay(createExpertCache('belady', 1, { future: trace }), trace))).toBe(0)
    expect(hitCount(replay(createExpertCache('pinned', 1, { pinned: [0] }), trace))).toBe(2)
  })
})
