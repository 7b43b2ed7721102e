import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { EventQueue } from '../../../../../main/sim/coe/eventQueue'

describe('EventQueue', () => {
  it('orders by time, then priority, then the order events were scheduled', () => {
    const queue = new EventQueue<string>()
    queue.push(2, 0, 'late')
    queue.push(1, 1, 'low priority')
    queue.push(1, 0, 'first at 1')
    queue.push(1, 0, 'second at 1')
    queue.push(0.5, 9, 'earliest')
    const order: string[] = []
    for (let item = queue.pop(); item; item = queue.pop()) order.push(item.event)
    expect(order).toEqual(['earliest', 'first at 1', 'second at 1', 'low priority', 'late'])
  })

  it('pops any set of events in sorted order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 3 })), { maxLength: 200 }),
        (items) => {
          const queue = new EventQueue<number>()
          items.forEach(([time, priority], i) => queue.push(time, priority, i))
          const popped: [number, number, number][] = []
          for (let item = queue.pop(); item; item = queue.pop()) popped.push([item.time, item.priority, item.event])
          const expected = items
            .map(([t, p], i) => [t, p, i] as [number, number, number])
            .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2])
          expect(popped).toEqual(expected)
        },
      ),
    )
  })

  it('keeps its sequence counter to itself: a second queue starts afresh', () => {
    const a = new EventQueue<string>()
    a.push(0, 0, 'x')
    const b = new EventQueue<string>()
    b.push(0, 0, 'y')
    expect(a.pop()!.seq).toBe(0)
    expect(b.pop()!.seq).toBe(0)
  })
})
