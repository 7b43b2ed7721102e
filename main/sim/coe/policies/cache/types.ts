import type { ExpertId } from '../../types'

/** Which experts sit in HBM. The simulator calls `access` each time a batch starts on an expert. */
export interface ExpertCache {
  readonly slots: number
  /** Whether the expert is resident now. */
  has(expert: ExpertId): boolean
  /**
   * One access to `expert` at `time`, the `index`-th access of the run. Returns true on a hit.
   * On a miss the expert becomes resident (evicting one if full) — the caller charges the switch.
   * With no slot to hold it (slots = 0, or every slot pinned) a miss leaves nothing resident.
   */
  access(expert: ExpertId, time: number, index: number): boolean
  /**
   * The expert the next miss would evict, or -1 when it would evict none: a slot is free, or
   * (slots = 0, every slot pinned) the missed expert cannot stay resident anyway.
   */
  victim(): ExpertId
  residentCount(): number
}

export type CachePolicyName = 'lru' | 'lfu' | 'pinned' | 'belady'
