import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseShard, ShardError, shardIndices } from '../../../../../main/sim/grid/shard'

describe('shards', () => {
  it('parses i/N', () => {
    expect(parseShard('3/8')).toEqual({ index: 3, count: 8 })
    expect(() => parseShard('8/8')).toThrow(ShardError)
    expect(() => parseShard('0/0')).toThrow(/at least 1/)
    expect(() => parseShard('1-4')).toThrow(/expected i\/N/)
  })

  it('strides: shard 1 of 3 over 8 points runs 1, 4, 7', () => {
    expect(shardIndices(8, { index: 1, count: 3 })).toEqual([1, 4, 7])
    expect(shardIndices(2, { index: 3, count: 4 })).toEqual([])
  })

  it('partitions any grid for any N: every point in exactly one shard', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 200 }), (points, count) => {
        const seen = new Array<number>(points).fill(0)
        for (let index = 0; index < count; index++) {
          for (const point of shardIndices(points, { index, count })) seen[point]! += 1
        }
        return seen.every((times) => times === 1)
      }),
    )
  })
})
