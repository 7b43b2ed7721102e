/** What the queue orders by: time, then priority, then the sequence it stamps on scheduling. */
export interface Timed {
  readonly time: number
  readonly priority: number
  seq: number
}

/**
 * The simulation's future events, ordered by (time, priority, sequence). The sequence counter
 * belongs to the queue, so two events at the same time and priority leave in the order they were
 * scheduled, whatever ran before. A binary heap of the events themselves: no allocation per
 * operation beyond the event.
 */
export class EventQueue<T extends Timed> {
  /**
   * The heap in `heap[0 … size − 1]`. The array never shrinks: popping with Array.pop would let
   * the engine trim and regrow its store as the queue breathes, at every few events.
   */
  private readonly heap: (T | null)[] = []
  private count = 0
  private sequence = 0

  get size(): number {
    return this.count
  }

  /** Schedules an item as it is, stamping its sequence: no copy on the simulator's hot path. */
  schedule(item: T): void {
    item.seq = this.sequence++
    const heap = this.heap
    let index = this.count++
    while (index > 0) {
      const parent = (index - 1) >> 1
      if (!before(item, heap[parent]!)) break
      heap[index] = heap[parent]!
      index = parent
    }
    heap[index] = item
  }

  /** The earliest event, removed; undefined when none is left. */
  pop(): T | undefined {
    if (this.count === 0) return undefined
    const heap = this.heap
    const top = heap[0]!
    const length = --this.count
    const last = heap[length]!
    heap[length] = null // the queue must not keep a handled event reachable
    if (length === 0) return top
    let index = 0
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

function before(a: Timed, b: Timed): boolean {
  if (a.time !== b.time) return a.time < b.time
  if (a.priority !== b.priority) return a.priority < b.priority
  return a.seq < b.seq
}
