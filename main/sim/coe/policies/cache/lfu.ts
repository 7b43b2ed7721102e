import type { ExpertId } from '../../types'
import { fitExpert } from './expertArray'
import { assertSlots } from './guards'
import type { ExpertCache } from './types'

/**
 * "Perfect" LFU: evicts the resident with the fewest accesses so far, counting accesses made while
 * it was evicted too; ties go to the least recently accessed. Eviction scans the residents,
 * O(slots): with slots ≤ a few hundred that beats a heap, which would reorder on every hit.
 */
export function createLfuCache(slots: number): ExpertCache {
  assertSlots(slots, 'lfu')
  const residents = new Int32Array(slots)
  let residentCount = 0
  let member = new Uint8Array(0)
  let uses = new Float64Array(0)
  let lastUse = new Float64Array(0)
  let tick = 0

  function victimSlot(): number {
    let best = 0
    let bestExpert = residents[0]!
    for (let slot = 1; slot < residentCount; slot++) {
      const expert = residents[slot]!
      const fewer = uses[expert]! < uses[bestExpert]!
      if (fewer || (uses[expert] === uses[bestExpert] && lastUse[expert]! < lastUse[bestExpert]!)) {
        best = slot
        bestExpert = expert
      }
    }
    return best
  }

  return {
    slots,
    has: (expert: ExpertId) => member[expert] === 1,
    access(expert: ExpertId): boolean {
      if (!(expert >>> 0 === expert && expert < uses.length)) {
        uses = fitExpert(uses, expert, 0, 'lfu')
        lastUse = fitExpert(lastUse, expert, 0, 'lfu')
        member = fitExpert(member, expert, 0, 'lfu')
      }
      uses[expert]!++
      lastUse[expert] = tick++
      if (member[expert] === 1) return true
      if (slots === 0) return false
      if (residentCount < slots) {
        residents[residentCount++] = expert
      } else {
        const slot = victimSlot()
        member[residents[slot]!] = 0
        residents[slot] = expert
      }
      member[expert] = 1
      return false
    },
    victim: () => (residentCount < slots || slots === 0 ? -1 : residents[victimSlot()]!),
    residentCount: () => residentCount,
  }
}
