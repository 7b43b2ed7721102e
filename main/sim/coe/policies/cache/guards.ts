import type { ExpertId } from '../../types'

export function assertSlots(slots: number, policy: string): void {
  if (!Number.isInteger(slots) || slots < 0) {
    throw new Error(`${policy} cache: slots must be a whole number ≥ 0, got ${slots}`)
  }
}

export function assertExpertId(expert: ExpertId, policy: string): void {
  if (!Number.isInteger(expert) || expert < 0) {
    throw new Error(`${policy} cache: expert ids are whole numbers ≥ 0, got ${expert}`)
  }
}
