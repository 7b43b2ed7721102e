import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { EventQueue } from '../../../../../main/sim/coe/eventQueue'

/** A test item: any payload beside the fields the queue orders by. */
interface Item<E> {
  time: number
  priority: number
  seq: number
  event: E
}

const at = <E>(time: number, priority: number, event: E): Item<E> => ({ time, priority, seq: -1, event })

describe('EventQueue', () => {
  it('orders by time, then priority, then the order events were scheduled', () => {
    const queue = new EventQueue<Item<string>>()
    queue.schedule(at(2, 0, 'late'))
    queue.schedule(at(1, 1, 'low priority'))
    queue.schedule(at(1, 0, 'first at 1'))
    queue.schedule(at(1, 0, 'second at 1'))
    queue.schedule(at(0.5, 9, 'earliest'))
    const order: string[] = []
    for (let item = queue.pop(); item; item = queue.pop()) order.push(item.event)
    expect(order).toEqual(['earliest', 'first at 1', 'second at 1', 'low priority', 'late'])
  })

  it('pops any set of events in sorted order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 3 })), { maxLength: 200 }),
        (items) => {
          const queue = new EventQueue<Item<number>>()
          items.forEach(([time, priority], i) => queue.schedule(at(time, priority, i)))
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
    const a = new EventQueue<Item<string>>()
    a.schedule(at(0, 0, 'x'))
    const b = new EventQueue<Item<string>>()
    b.schedule(at(0, 0, 'y'))
    expect(a.pop()!.seq).toBe(0)
    expect(b.pop()!.seq).toBe(0)
  })
})
