import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'

/** A seeded stream of uniform numbers in [0, 1). One per source of randomness, never shared. */
export interface RandomStream {
  next(): number
}

/** FNV-1a over the stream's name, mixed with the run's seed: each source gets its own sequence. */
function streamSeed(seed: number, name: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0)
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash | 0
}

/** The stream called `name` of a run seeded with `seed`: same seed and name, same numbers. */
export function createStream(seed: number, name: string): RandomStream {
  const generator = xoroshiro128plus(streamSeed(seed, name))
  return { next: () => uniformFloat64(generator) }
}

/** An exponential variate with the given rate (mean 1 / rate). */
export function exponential(stream: RandomStream, rate: number): number {
  return -Math.log(1 - stream.next()) / rate
}
