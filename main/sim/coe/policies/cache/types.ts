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

/** What a policy may need besides its slot count (registry.ts says which needs which). */
export interface ExpertCacheOptions {
  /** For 'pinned': the experts to keep resident, most popular first. */
  pinned?: readonly ExpertId[]
  /** For 'belady': the expert of every access of the run, in order. */
  future?: readonly ExpertId[]
}
