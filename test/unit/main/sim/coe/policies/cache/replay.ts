import type { ExpertCache } from '../../../../../../../main/sim/coe/policies/cache'

/** Feeds `trace` to `cache` one access per second; returns which accesses hit. */
export function replay(cache: ExpertCache, trace: readonly number[]): boolean[] {
  return trace.map((expert, index) => cache.access(expert, index, index))
}

/** The indices of the accesses that hit. */
export function hitIndices(hits: readonly boolean[]): number[] {
  return hits.flatMap((hit, index) => (hit ? [index] : []))
}
