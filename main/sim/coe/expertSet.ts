import type { ExpertId } from './types'

/**
 * A set of expert ids below a fixed bound: membership by index, members packed densely so the
 * scheduler scans only the experts in it. Add, delete and has are O(1) and allocate nothing
 * (a Set's iterator would, at every dispatch). Iteration order is not insertion order: callers
 * that choose among members break ties by id.
 */
export class ExpertSet {
  private readonly members: Int32Array
  /** Where each expert sits in `members`, or -1. */
  private readonly slot: Int32Array
  size = 0

  constructor(bound: number) {
    this.members = new Int32Array(bound)
    this.slot = new Int32Array(bound).fill(-1)
  }

  /** False for ids outside the bound too (the scheduler asks about -1, no expert yet). */
  has(expert: ExpertId): boolean {
    return this.slot[expert]! >= 0
  }

  add(expert: ExpertId): void {
    if (this.has(expert)) return
    this.slot[expert] = this.size
    this.members[this.size++] = expert
  }

  /** Removes the expert if present, moving the last member into its place. */
  delete(expert: ExpertId): void {
    if (!this.has(expert)) return
    const at = this.slot[expert]!
    const last = this.members[--this.size]!
    this.members[at] = last
    this.slot[last] = at
    this.slot[expert] = -1
  }

  /** The member at `index`, 0 ≤ index < size. */
  at(index: number): ExpertId {
    return this.members[index]!
  }
}
