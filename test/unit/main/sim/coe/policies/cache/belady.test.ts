import { describe, expect, it } from 'vitest'
import { createBeladyCache } from '../../../../../../../main/sim/coe/policies/cache'
import { hitIndices, replay } from './replay'

function replayOwn(slots: number, trace: number[]): boolean[] {
  return replay(createBeladyCache(slots, trace), trace)
}

describe('createBeladyCache', () => {
  it('replays a hand-checked trace with two slots', () => {
    // residents as expert(next access; ∞ = never):
    //  0:0 miss {0(3)}  1:1 miss {0(3) 1(4)}  2:2 miss, 1 farthest {0(3) 2(9)}  3:0 hit {0(6) 2(9)}
    //  4:1 miss −2 {0(6) 1(8)}  5:3 miss −1 {0(6) 3(7)}  6:0 hit {0(∞) 3(7)}  7:3 hit {0(∞) 3(∞)}
    //  8:1 miss, tie → lowest id 0 out {3 1}  9:2 miss, tie → 1 out {3 2}
    expect(hitIndices(replayOwn(2, [0, 1, 2, 0, 1, 3, 0, 3, 1, 2]))).toEqual([3, 6, 7])
  })

  it('gives the textbook OPT result: 3 frames, 7 0 1 2 0 3 0 4 2 3 0 3 2 → 6 hits, 7 misses', () => {
    //  0:7 1:0 2:1 misses {7 0 1}  3:2 miss: 7, 1 never again → lowest id 1 out {7 0 2}  4:0 hit
    //  5:3 miss: 7 never → out {0 2 3}  6:0 hit  7:4 miss: 0@10 2@8 3@9 → 0 out {2 3 4}
    //  8:2 hit  9:3 hit  10:0 miss: 4 never → out {2 3 0}  11:3 hit  12:2 hit
    const hits = replayOwn(3, [7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2])
    expect(hitIndices(hits)).toEqual([4, 6, 8, 9, 11, 12])
  })

  it('names the resident used farthest ahead as its victim', () => {
    const future = [1, 2, 3, 2, 1]
    const cache = createBeladyCache(2, future)
    replay(cache, future.slice(0, 2)) // {1(4) 2(3)}
    expect(cache.victim()).toBe(1)
  })

  it('throws when an access disagrees with the known future', () => {
    const cache = createBeladyCache(2, [0, 1])
    cache.access(0, 0, 0)
    expect(() => cache.access(2, 1, 1)).toThrow('access 1 is to expert 2, but the known future has expert 1 there')
    expect(() => cache.access(1, 2, 2)).toThrow('the known future has no access there')
  })
})
