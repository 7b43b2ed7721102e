import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { RequestQueue } from '../../../../../main/sim/coe/requestQueue'
import type { Request } from '../../../../../main/sim/coe/state'

const request = (id: number): Request => ({ id, arrival: id, promptTokens: 1, outputTokens: 1, expert: 0 })

describe('RequestQueue', () => {
  it('is first in, first out across growth and wrap-around', () => {
    const queue = new RequestQueue()
    // 5 in, 3 out, then 20 in: the ring wraps before it grows past 8
    for (let id = 0; id < 5; id++) queue.push(request(id))
    expect([queue.shift()!.id, queue.shift()!.id, queue.shift()!.id]).toEqual([0, 1, 2])
    for (let id = 5; id < 25; id++) queue.push(request(id))
    expect(queue.length).toBe(22)
    expect(queue.peek()!.id).toBe(3)
    expect(queue.at(21)!.id).toBe(24)
    expect(queue.at(22)).toBeUndefined()
    const order: number[] = []
    for (let r = queue.shift(); r; r = queue.shift()) order.push(r.id)
    expect(order).toEqual(Array.from({ length: 22 }, (_, i) => i + 3))
    expect(queue.length).toBe(0)
    expect(queue.peek()).toBeUndefined()
  })

  it('behaves as an array used as a queue under any pushes and shifts (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 300 }), (pushes) => {
        const queue = new RequestQueue()
        const model: number[] = []
        let next = 0
        for (const push of pushes) {
          if (push) {
            queue.push(request(next))
            model.push(next++)
          } else {
            expect(queue.shift()?.id).toBe(model.shift())
          }
          expect(queue.length).toBe(model.length)
          expect(queue.peek()?.id).toBe(model[0])
          expect(queue.at(model.length - 1)?.id).toBe(model.at(-1))
        }
      }),
    )
  })
})
