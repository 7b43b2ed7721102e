import { describe, expect, it } from 'vitest'
import { createLfuCache } from '../../../../../../../main/sim/coe/policies/cache'
import { hitIndices, replay } from './replay'

describe('createLfuCache', () => {
  it('replays a hand-checked trace with two slots', () => {
    // residents as expert(count, last access):
    //  0:0 miss {0(1,0)}  1:1 miss {0(1,0) 1(1,1)}  2:2 miss, tie → older 0 out {1(1,1) 2(1,2)}
    //  3:0 miss, tie → 1 out {2(1,2) 0(2,3)}  4:1 miss, 2 fewest {0(2,3) 1(2,4)}
    //  5:3 miss, tie → 0 out {1(2,4) 3(1,5)}  6:0 miss, 3 fewest {1(2,4) 0(3,6)}
    //  7:3 miss, 1 fewest {0(3,6) 3(2,7)}  8:1 miss, 3 fewest {0(3,6) 1(3,8)}
    //  9:2 miss, tie → 0 out {1(3,8) 2(2,9)}: no hits at all
    const cache = createLfuCache(2)
    expect(hitIndices(replay(cache, [0, 1, 2, 0, 1, 3, 0, 3, 1, 2]))).toEqual([])
    expect([cache.has(1), cache.has(2), cache.victim()]).toEqual([true, true, 2])
  })

  it('keeps the frequent expert over newcomers', () => {
    // 0:0 miss  1,2: 0 hits (count 3)  3:1 miss {0(3) 1(1)}  4:2 miss −1  5:1 miss −2  6:0 hit
    expect(hitIndices(replay(createLfuCache(2), [0, 0, 0, 1, 2, 1, 0]))).toEqual([1, 2, 6])
  })

  it.each([
    { trace: [0, 1], victim: 0, lastHits: false },
    { trace: [1, 0], victim: 1, lastHits: true },
  ])('breaks a count tie by recency: after $trace the victim is $victim', ({ trace, victim, lastHits }) => {
    const cache = createLfuCache(2)
    replay(cache, trace)
    expect(cache.victim()).toBe(victim)
    cache.access(2, 2, 2)
    expect(cache.access(0, 3, 3)).toBe(lastHits)
  })

  it('keeps counts across evictions', () => {
    // 0:0 miss(1) 1:0 hit(2) 2:1 miss(1) 3,4:1 hits(3) 5:2 miss(1), 0 fewest (2<3) → out
    // 6,7:2 hits(3) 8:0 miss(3) — counts kept — tie 1(3,4) 2(3,7) → 1 out
    // 9:3 miss(1): 2(3,7) vs 0(3,8) → 2 out, whereas a count reset would leave 0 at 1 and evict it
    // 10:0 hit
    const hits = replay(createLfuCache(2), [0, 0, 1, 1, 1, 2, 2, 2, 0, 3, 0])
    expect(hitIndices(hits)).toEqual([1, 3, 4, 6, 7, 10])
  })
})
