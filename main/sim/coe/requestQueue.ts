import type { Request } from './request'

/**
 * A FIFO of requests in a ring buffer that doubles when full. A taken slot is cleared at once:
 * a queue must not keep served requests reachable, or each would outlive the young generation
 * and be copied into the old one — the garbage collector's largest cost in a long run.
 */
export class RequestQueue {
  private items: (Request | null)[] = new Array<Request | null>(8).fill(null)
  private mask = 7
  private head = 0
  private count = 0

  get length(): number {
    return this.count
  }

  push(request: Request): void {
    if (this.count === this.items.length) this.grow()
    this.items[(this.head + this.count) & this.mask] = request
    this.count++
  }

  peek(): Request | undefined {
    return this.count === 0 ? undefined : this.items[this.head]!
  }

  /** The request `offset` places behind the head (undefined past the tail). */
  at(offset: number): Request | undefined {
    return offset >= 0 && offset < this.count ? this.items[(this.head + offset) & this.mask]! : undefined
  }

  shift(): Request | undefined {
    if (this.count === 0) return undefined
    const request = this.items[this.head]!
    this.items[this.head] = null
    this.head = (this.head + 1) & this.mask
    this.count--
    return request
  }

  private grow(): void {
    const items = new Array<Request | null>(this.items.length * 2).fill(null)
    for (let i = 0; i < this.count; i++) items[i] = this.items[(this.head + i) & this.mask]!
    this.items = items
    this.mask = items.length - 1
    this.head = 0
  }
}
