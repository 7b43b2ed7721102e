import { createBeladyCache } from './belady'
import { createLfuCache } from './lfu'
import { createLruCache } from './lru'
import { createPinnedCache } from './pinned'
import type { ExpertCache, ExpertCacheOptions } from './types'

/**
 * The expert cache policies, one entry each: the simulator builds caches from it, and the
 * serving schema's enum, the form's options and the sweep's choices are generated from it.
 */
export interface CachePolicyEntry {
  /** The policy as people read it. */
  label: string
  /** Which expert it evicts. */
  description: string
  /** Evicts by the known order of every access: the run records its routing ahead. */
  needsFuture: boolean
  /** Why a prefetch cannot run with it (the schema refuses the pair), or null. */
  refusesPrefetch: string | null
  create: (slots: number, options: ExpertCacheOptions) => ExpertCache
}

export const CACHE_POLICY = {
  lru: {
    label: 'LRU',
    description: 'Evict the least recently used expert',
    needsFuture: false,
    refusesPrefetch: null,
    create: (slots) => createLruCache(slots),
  },
  lfu: {
    label: 'LFU',
    description: 'Evict the least frequently used expert',
    needsFuture: false,
    refusesPrefetch: null,
    create: (slots) => createLfuCache(slots),
  },
  pinned: {
    label: 'pinned',
    description: 'The most popular experts stay; the other slots run LRU',
    needsFuture: false,
    refusesPrefetch: null,
    create: (slots, { pinned }) => {
      if (!pinned) throw new Error("cache policy 'pinned' needs options.pinned: the experts to keep resident")
      return createPinnedCache(slots, pinned)
    },
  },
  belady: {
    label: 'Belady (optimal)',
    description: 'Evict the expert needed furthest ahead: the offline optimum',
    needsFuture: true,
    refusesPrefetch:
      "Belady's cache evicts by the known order of every access, and a prefetch is an access outside it, so the simulator would skip every prefetch",
    create: (slots, { future }) => {
      if (!future) throw new Error("cache policy 'belady' needs options.future: the expert of every access")
      return createBeladyCache(slots, future)
    },
  },
} as const satisfies Record<string, CachePolicyEntry>

export type CachePolicyName = keyof typeof CACHE_POLICY
/** The policy ids in registry order (a tuple, for `z.enum`). */
export const CACHE_POLICIES = Object.keys(CACHE_POLICY) as [CachePolicyName, ...CachePolicyName[]]
