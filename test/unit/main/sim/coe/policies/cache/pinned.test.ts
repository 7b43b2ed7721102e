import { describe, expect, it } from 'vitest'
import { createPinnedCache } from '../../../../../../../main/sim/coe/policies/cache'
import { hitIndices, replay } from './replay'

describe('createPinnedCache', () => {
  it('replays a hand-checked trace: two slots, expert 0 pinned, one LRU slot', () => {
    // LRU slot: 0:0 pinned hit  1:1 miss {1}  2:2 miss {2}  3:0 hit  4:1 miss {1}  5:3 miss {3}
    //  6:0 hit  7:3 hit  8:1 miss {1}  9:2 miss {2}
    const cache = createPinnedCache(2, [0])
    expect(hitIndices(replay(cache, [0, 1, 2, 0, 1, 3, 0, 3, 1, 2]))).toEqual([0, 3, 6, 7])
  })

  it('never evicts its pinned experts', () => {
    // slots 3, pinned 0 and 1, one LRU slot: 0:0 hit  1:2 miss  2:3 miss −2  3:2 miss −3  4:1 hit
    //  5:3 miss −2  6:0 hit
    const cache = createPinnedCache(3, [0, 1])
    expect(cache.residentCount()).toBe(2)
    const hits = replay(cache, [0, 2, 3, 2, 1, 3, 0])
    expect(hitIndices(hits)).toEqual([0, 4, 6])
    expect([cache.has(0), cache.has(1), cache.has(3), cache.has(2), cache.has(5)]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ])
    expect(cache.victim()).toBe(3)
  })

  it('pins only as many experts as there are slots; the others always miss', () => {
    const cache = createPinnedCache(2, [7, 8, 9])
    expect(hitIndices(replay(cache, [9, 7, 9, 8]))).toEqual([1, 3])
    expect([cache.residentCount(), cache.has(9), cache.victim()]).toEqual([2, false, -1])
  })

  it('does not spend a slot on a repeated pinned id', () => {
    const cache = createPinnedCache(2, [4, 4])
    expect(cache.residentCount()).toBe(1)
    expect(hitIndices(replay(cache, [4, 1, 1]))).toEqual([0, 2])
  })
})
