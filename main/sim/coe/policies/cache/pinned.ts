import type { ExpertId } from '../../types'
import { fitExpert } from './expertArray'
import { assertSlots } from './guards'
import { createLruCache } from './lru'
import type { ExpertCache } from './types'

/**
 * The first min(slots, pinned.length) distinct experts of `pinned` (the caller's most popular
 * first) are resident from the start and never evicted; the remaining slots run LRU. A pinned
 * expert's access is always a hit, the first one included: it was loaded before the run.
 */
export function createPinnedCache(slots: number, pinned: readonly ExpertId[]): ExpertCache {
  assertSlots(slots, 'pinned')
  let isPinned = new Uint8Array(0)
  let pinnedCount = 0
  for (const expert of pinned) {
    if (pinnedCount === slots) break
    isPinned = fitExpert(isPinned, expert, 0, 'pinned')
    if (isPinned[expert] === 1) continue // a repeated id would waste a slot
    isPinned[expert] = 1
    pinnedCount++
  }
  const rest = createLruCache(slots - pinnedCount)
  return {
    slots,
    has: (expert: ExpertId) => isPinned[expert] === 1 || rest.has(expert),
    access: (expert: ExpertId, time: number, index: number) =>
      isPinned[expert] === 1 || rest.access(expert, time, index),
    // Pinned experts are never victims; with every slot pinned a miss evicts nothing (-1).
    victim: () => rest.victim(),
    residentCount: () => pinnedCount + rest.residentCount(),
  }
}
