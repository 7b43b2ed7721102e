import { describe, expect, it } from 'vitest'
import { createLruCache } from '../../../../../../../main/sim/coe/policies/cache'
import { createStream } from '../../../../../../../main/sim/rng'
import { hitIndices, replay } from './replay'

describe('createLruCache', () => {
  it('replays a hand-checked trace with two slots', () => {
    // residents, least recent first:
    //  0:0 miss [0]   1:1 miss [0,1]  2:2 miss −0 [1,2]  3:0 miss −1 [2,0]  4:1 miss −2 [0,1]
    //  5:3 miss −0 [1,3]  6:0 miss −1 [3,0]  7:3 hit [0,3]  8:1 miss −0 [3,1]  9:2 miss −3 [1,2]
    const cache = createLruCache(2)
    const hits = replay(cache, [0, 1, 2, 0, 1, 3, 0, 3, 1, 2])
    expect(hitIndices(hits)).toEqual([7])
    expect([cache.has(1), cache.has(2), cache.has(3), cache.residentCount()]).toEqual([true, true, false, 2])
    expect(cache.victim()).toBe(1)
  })

  it('names no victim while a slot is free, then the least recently accessed', () => {
    const cache = createLruCache(3)
    replay(cache, [4, 5])
    expect(cache.victim()).toBe(-1)
    replay(cache, [6, 4]) // order 5, 6, 4
    expect(cache.victim()).toBe(5)
  })

  it('hits K/N of uniform accesses: N = 50 experts, K = 10 slots', () => {
    // Each access finds its expert among the 10 most recently used distinct ones with p = 10/50 = 0.2.
    const stream = createStream(1, 'lru-uniform')
    const cache = createLruCache(10)
    let hits = 0
    for (let index = 0; index < 20_000; index++) {
      if (cache.access(Math.floor(stream.next() * 50), index, index)) hits++
    }
    expect(Math.abs(hits / 20_000 - 0.2)).toBeLessThan(0.02)
  })

  it('rejects expert ids that are not whole numbers ≥ 0', () => {
    const cache = createLruCache(2)
    expect(() => cache.access(-1, 0, 0)).toThrow(/got -1/)
    expect(() => cache.access(1.5, 0, 0)).toThrow(/got 1.5/)
  })
})
