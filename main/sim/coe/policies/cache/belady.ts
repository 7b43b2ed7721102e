import type { ExpertId } from '../../types'
import { assertExpertId, assertSlots } from './guards'
import type { ExpertCache } from './types'

/**
 * Belady's optimal offline policy, a bound for the online ones: `future[i]` is the expert of
 * access i. A miss on a full cache evicts the resident whose next access is farthest away (never
 * again counts as infinitely far; ties go to the lowest id). O(slots) per miss, O(1) per hit.
 */
export function createBeladyCache(slots: number, future: readonly ExpertId[]): ExpertCache {
  assertSlots(slots, 'belady')
  const length = future.length
  let maxExpert = -1
  for (const expert of future) {
    assertExpertId(expert, 'belady')
    if (expert > maxExpert) maxExpert = expert
  }
  // nextUse[i]: index of the next access to future[i] after i, or `length` (never again). O(n).
  const nextUse = new Int32Array(length)
  const upcoming = new Int32Array(maxExpert + 1).fill(length)
  for (let index = length - 1; index >= 0; index--) {
    const expert = future[index]!
    nextUse[index] = upcoming[expert]!
    upcoming[expert] = index
  }
  // Per expert, the next access after its latest one: for a resident, its next access from now.
  const nextAccess = upcoming
  const member = new Uint8Array(maxExpert + 1)
  const residents = new Int32Array(slots)
  let residentCount = 0

  function victimSlot(): number {
    let best = 0
    let bestExpert = residents[0]!
    for (let slot = 1; slot < residentCount; slot++) {
      const expert = residents[slot]!
      const later = nextAccess[expert]! > nextAccess[bestExpert]!
      if (later || (nextAccess[expert] === nextAccess[bestExpert] && expert < bestExpert)) {
        best = slot
        bestExpert = expert
      }
    }
    return best
  }

  return {
    slots,
    has: (expert: ExpertId) => member[expert] === 1,
    access(expert: ExpertId, _time: number, index: number): boolean {
      if (future[index] !== expert) {
        const known = future[index] === undefined ? 'no access' : `expert ${future[index]}`
        throw new Error(`belady cache: access ${index} is to expert ${expert}, but the known future has ${known} there`)
      }
      nextAccess[expert] = nextUse[index]!
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
