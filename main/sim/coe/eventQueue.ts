/**
 * The simulation's future events, ordered by (time, priority, sequence). The sequence counter
 * belongs to the queue, so two events at the same time and priority leave in the order they were
 * scheduled, whatever ran before. A binary heap on plain arrays: no allocation per operation
 * beyond the event itself.
 */
export interface Scheduled<E> {
  time: number
  priority: number
  event: E
  seq: number
}

export class EventQueue<E> {
  private readonly heap: Scheduled<E>[] = []
  private sequence = 0

  get size(): number {
    return this.heap.length
  }

  push(time: number, priority: number, event: E): void {
    this.schedule({ time, priority, event, seq: 0 })
  }

  /** Schedules an item as it is, stamping its sequence: no copy on the simulator's hot path. */
  schedule(item: Scheduled<E>): void {
    item.seq = this.sequence++
    const heap = this.heap
    let index = heap.length
    heap.push(item)
    while (index > 0) {
      const parent = (index - 1) >> 1
      if (!before(item, heap[parent]!)) break
      heap[index] = heap[parent]!
      index = parent
    }
    heap[index] = item
  }

  /** The earliest event, removed; undefined when none is left. */
  pop(): Scheduled<E> | undefined {
    const heap = this.heap
    const top = heap[0]
    const last = heap.pop()
    if (top === undefined || last === undefined || heap.length === 0) return top
    let index = 0
    const length = heap.length
    for (;;) {
      const left = 2 * index + 1
      if (left >= length) break
      const right = left + 1
      const child = right < length && before(heap[right]!, heap[left]!) ? right : left
      if (!before(heap[child]!, last)) break
      heap[index] = heap[child]!
      index = child
    }
    heap[index] = last
    return top
  }
}

function before(a: Scheduled<unknown>, b: Scheduled<unknown>): boolean {
  if (a.time !== b.time) return a.time < b.time
  if (a.priority !== b.priority) return a.priority < b.priority
  return a.seq < b.seq
}
