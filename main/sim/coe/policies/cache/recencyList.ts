import type { ExpertId } from '../../types'
import { fitExpert } from './expertArray'

const NONE = -1

/**
 * Experts from least to most recently touched, doubly linked through expert-indexed arrays:
 * touch and evict are O(1) and allocate nothing (a Map's keys() iterator would, on every miss).
 */
export class RecencyList {
  size = 0
  private previous = new Int32Array(0)
  private following = new Int32Array(0)
  private member = new Uint8Array(0)
  private head = NONE
  private tail = NONE

  has(expert: ExpertId): boolean {
    return this.member[expert] === 1
  }

  /** The least recently touched member, or -1 when empty. */
  oldest(): ExpertId {
    return this.head
  }

  /** Moves a member to the most recent end, or adds a newcomer there. */
  touch(expert: ExpertId): void {
    if (this.member[expert] === 1) {
      if (expert === this.tail) return
      this.unlink(expert)
    } else {
      this.fit(expert)
      this.member[expert] = 1
      this.size++
    }
    this.previous[expert] = this.tail
    this.following[expert] = NONE
    if (this.tail === NONE) this.head = expert
    else this.following[this.tail] = expert
    this.tail = expert
  }

  /** Removes and returns the least recently touched member (-1 when empty). */
  removeOldest(): ExpertId {
    const expert = this.head
    if (expert === NONE) return NONE
    this.unlink(expert)
    this.member[expert] = 0
    this.size--
    return expert
  }

  private unlink(expert: ExpertId): void {
    const before = this.previous[expert]!
    const after = this.following[expert]!
    if (before === NONE) this.head = after
    else this.following[before] = after
    if (after === NONE) this.tail = before
    else this.previous[after] = before
  }

  private fit(expert: ExpertId): void {
    this.previous = fitExpert(this.previous, expert, NONE, 'lru')
    this.following = fitExpert(this.following, expert, NONE, 'lru')
    this.member = fitExpert(this.member, expert, 0, 'lru')
  }
}
