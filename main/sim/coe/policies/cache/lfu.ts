import type { ExpertId } from '../../types'
import { fitExpert } from './expertArray'
import { assertSlots } from './guards'
import { createScanningCache } from './scanningCache'
import type { ExpertCache } from './types'

/**
 * "Perfect" LFU: evicts the resident with the fewest accesses so far, counting accesses made while
 * it was evicted too; ties go to the least recently accessed. Eviction scans the residents,
 * O(slots): with slots ≤ a few hundred that beats a heap, which would reorder on every hit.
 */
export function createLfuCache(slots: number): ExpertCache {
  assertSlots(slots, 'lfu')
  let uses = new Float64Array(0)
  let lastUse = new Float64Array(0)
  let tick = 0
  return createScanningCache(slots, {
    name: 'lfu',
    note(expert: ExpertId) {
      uses = fitExpert(uses, expert, 0, 'lfu')
      lastUse = fitExpert(lastUse, expert, 0, 'lfu')
      uses[expert]!++
      lastUse[expert] = tick++
    },
    leavesBefore: (a, b) => uses[a]! < uses[b]! || (uses[a] === uses[b] && lastUse[a]! < lastUse[b]!),
  })
}
