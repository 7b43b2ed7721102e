import type { ExpertId } from '../../types'
import { createBeladyCache } from './belady'
import { createLfuCache } from './lfu'
import { createLruCache } from './lru'
import { createPinnedCache } from './pinned'
import type { CachePolicyName, ExpertCache } from './types'

export type { CachePolicyName, ExpertCache } from './types'
export { createBeladyCache, createLfuCache, createLruCache, createPinnedCache }

export interface ExpertCacheOptions {
  /** For 'pinned': the experts to keep resident, most popular first. */
  pinned?: readonly ExpertId[]
  /** For 'belady': the expert of every access of the run, in order. */
  future?: readonly ExpertId[]
}

export function createExpertCache(
  policy: CachePolicyName,
  slots: number,
  options: ExpertCacheOptions = {},
): ExpertCache {
  switch (policy) {
    case 'lru':
      return createLruCache(slots)
    case 'lfu':
      return createLfuCache(slots)
    case 'pinned':
      if (!options.pinned) throw new Error("cache policy 'pinned' needs options.pinned: the experts to keep resident")
      return createPinnedCache(slots, options.pinned)
    case 'belady':
      if (!options.future) throw new Error("cache policy 'belady' needs options.future: the expert of every access")
      return createBeladyCache(slots, options.future)
    default:
      throw new Error(`unknown cache policy '${String(policy)}': expected lru, lfu, pinned or belady`)
  }
}
