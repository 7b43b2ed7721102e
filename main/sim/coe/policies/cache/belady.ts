import type { ExpertId } from '../../types'
import { assertExpertId, assertSlots } from './guards'
import { createScanningCache } from './scanningCache'
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
  return createScanningCache(slots, {
    name: 'belady',
    note(expert: ExpertId, index: number) {
      if (future[index] !== expert) {
        const known = future[index] === undefined ? 'no access' : `expert ${future[index]}`
        throw new Error(`belady cache: access ${index} is to expert ${expert}, but the known future has ${known} there`)
      }
      nextAccess[expert] = nextUse[index]!
    },
    leavesBefore: (a, b) => nextAccess[a]! > nextAccess[b]! || (nextAccess[a] === nextAccess[b] && a < b),
  })
}
