import type { ExpertId } from '../../types'
import { assertSlots } from './guards'
import { RecencyList } from './recencyList'
import type { ExpertCache } from './types'

/** Evicts the least recently accessed expert. O(1) per access. */
export function createLruCache(slots: number): ExpertCache {
  assertSlots(slots, 'lru')
  const order = new RecencyList()
  return {
    slots,
    has: (expert: ExpertId) => order.has(expert),
    access(expert: ExpertId): boolean {
      if (order.has(expert)) {
        order.touch(expert)
        return true
      }
      if (slots === 0) return false
      if (order.size === slots) order.removeOldest()
      order.touch(expert)
      return false
    },
    // With slots = 0 the list is empty and oldest() is -1: nothing to evict.
    victim: () => (order.size < slots ? -1 : order.oldest()),
    residentCount: () => order.size,
  }
}
