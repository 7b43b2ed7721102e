import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ExpertSet } from '../../../../../main/sim/coe/expertSet'

const members = (set: ExpertSet): number[] =>
  Array.from({ length: set.size }, (_, i) => set.at(i)).sort((a, b) => a - b)

describe('ExpertSet', () => {
  it('holds nothing outside its bound: -1 (no expert yet) is never a member', () => {
    const set = new ExpertSet(3)
    set.add(0)
    expect(set.has(-1)).toBe(false)
    expect(set.has(3)).toBe(false)
    set.delete(-1)
    expect(members(set)).toEqual([0])
  })

  it('moves the last member into a deleted one’s place', () => {
    const set = new ExpertSet(5)
    for (const e of [4, 1, 3]) set.add(e)
    set.delete(4)
    expect([set.at(0), set.at(1)]).toEqual([3, 1])
    expect(set.size).toBe(2)
    expect(set.has(4)).toBe(false)
  })

  it('agrees with a Set under any adds and deletes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 9 })), { maxLength: 200 }), (ops) => {
        const set = new ExpertSet(10)
        const model = new Set<number>()
        for (const [add, expert] of ops) {
          if (add) {
            set.add(expert)
            model.add(expert)
          } else {
            set.delete(expert)
            model.delete(expert)
          }
          expect(set.size).toBe(model.size)
          for (let e = 0; e < 10; e++) expect(set.has(e)).toBe(model.has(e))
        }
        expect(members(set)).toEqual([...model].sort((a, b) => a - b))
      }),
    )
  })
})
