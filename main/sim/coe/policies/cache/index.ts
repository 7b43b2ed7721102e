import { ownEntry } from '../../../own'
import { createBeladyCache } from './belady'
import { createLfuCache } from './lfu'
import { createLruCache } from './lru'
import { createPinnedCache } from './pinned'
import { CACHE_POLICIES, CACHE_POLICY, type CachePolicyEntry, type CachePolicyName } from './registry'
import type { ExpertCache, ExpertCacheOptions } from './types'

export type { ExpertCache, ExpertCacheOptions } from './types'
export { CACHE_POLICIES, CACHE_POLICY, type CachePolicyEntry, type CachePolicyName } from './registry'
export { createBeladyCache, createLfuCache, createLruCache, createPinnedCache }

export function createExpertCache(
  policy: CachePolicyName,
  slots: number,
  options: ExpertCacheOptions = {},
): ExpertCache {
  // The name may come from untyped input: a lookup on a plain record would find "constructor".
  const entry = ownEntry<CachePolicyEntry>(CACHE_POLICY, policy)
  if (!entry) {
    const known = `${CACHE_POLICIES.slice(0, -1).join(', ')} or ${CACHE_POLICIES.at(-1)!}`
    throw new Error(`unknown cache policy '${String(policy)}': expected ${known}`)
  }
  return entry.create(slots, options)
}
