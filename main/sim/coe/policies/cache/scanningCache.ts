import type { ExpertId } from '../../types'
import { fitExpert } from './expertArray'
import type { ExpertCache } from './types'

/** What a policy that picks its victim by scanning the residents supplies. */
export interface ScanPolicy {
  name: string
  /** Bookkeeping for every access, before the hit test (counts, next uses, misuse checks). */
  note(expert: ExpertId, index: number): void
  /** Whether resident `a` should leave before resident `b`. */
  leavesBefore(a: ExpertId, b: ExpertId): boolean
}

/**
 * Slots filled in order, a miss on a full cache replacing the resident the policy ranks first to
 * leave: the shape LFU and Belady share. O(slots) per miss, O(1) per hit.
 */
export function createScanningCache(slots: number, policy: ScanPolicy): ExpertCache {
  const residents = new Int32Array(slots)
  let residentCount = 0
  let member = new Uint8Array(0)

  function victimSlot(): number {
    let best = 0
    for (let slot = 1; slot < residentCount; slot++) {
      if (policy.leavesBefore(residents[slot]!, residents[best]!)) best = slot
    }
    return best
  }

  return {
    slots,
    has: (expert: ExpertId) => member[expert] === 1,
    access(expert: ExpertId, _time: number, index: number): boolean {
      member = fitExpert(member, expert, 0, policy.name)
      policy.note(expert, index)
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
