/**
 * LRU residency of experts in HBM under independent requests with popularity `p` (Che's
 * approximation: an expert is resident if it was requested within the cache's characteristic
 * time T, where T makes the expected number of resident experts equal the slots). Exact for
 * uniform popularity: the hit probability is slots / experts.
 */
export function lruHitProbabilities(popularity: readonly number[], slots: number): number[] {
  if (slots >= popularity.length) return popularity.map(() => 1)
  if (slots <= 0) return popularity.map(() => 0)
  const resident = (t: number): number => popularity.reduce((sum, p) => sum + (1 - Math.exp(-p * t)), 0)
  let low = 0
  let high = 1
  while (resident(high) < slots) high *= 2
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2
    if (resident(mid) < slots) low = mid
    else high = mid
  }
  const t = (low + high) / 2
  return popularity.map((p) => 1 - Math.exp(-p * t))
}

/**
 * Expected switches for one batch of `batch` requests: each expert the batch asks for at least
 * once is copied in once, unless already resident.
 */
export function expectedSwitchesPerBatch(popularity: readonly number[], slots: number, batch: number): number {
  const hit = lruHitProbabilities(popularity, slots)
  return popularity.reduce((sum, p, i) => sum + (1 - (1 - p) ** batch) * (1 - hit[i]!), 0)
}

export function uniformPopularity(experts: number): number[] {
  return Array.from({ length: experts }, () => 1 / experts)
}
