import type { RandomStream } from '../../rng'

/** How many tokens a prompt or an answer has. Every sample is an integer >= 1. */
export type LengthDistribution =
  | { kind: 'fixed'; value: number }
  /** Integers from `min` to `max`, both included. */
  | { kind: 'uniform'; min: number; max: number }
  /** exp(N(ln median, sigma²)), rounded and clamped to [1, max]: long-tailed like real chats. */
  | { kind: 'lognormal'; median: number; sigma: number; max: number }

function requireCount(kind: string, field: string, value: number, least = 1): void {
  if (!Number.isInteger(value) || value < least) {
    throw new Error(`${kind} length: ${field}: expected an integer >= ${least}, got ${value}`)
  }
}

/** A standard normal variate by Box–Muller (cosine branch only, so two draws per sample). */
function standardNormal(stream: RandomStream): number {
  const u1 = 1 - stream.next() // (0, 1]: keeps the log finite
  const u2 = stream.next()
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)
}

/** One token count drawn from `distribution` with `stream`; `fixed` draws nothing. */
export function sampleLength(distribution: LengthDistribution, stream: RandomStream): number {
  switch (distribution.kind) {
    case 'fixed':
      requireCount('fixed', 'value', distribution.value)
      return distribution.value
    case 'uniform': {
      const { min, max } = distribution
      requireCount('uniform', 'min', min)
      requireCount('uniform', 'max', max, min)
      return min + Math.floor(stream.next() * (max - min + 1))
    }
    case 'lognormal': {
      const { median, sigma, max } = distribution
      if (!(median > 0 && Number.isFinite(median))) {
        throw new Error(`lognormal length: median: expected a finite number > 0, got ${median}`)
      }
      if (!(sigma >= 0 && Number.isFinite(sigma))) {
        throw new Error(`lognormal length: sigma: expected a finite number >= 0, got ${sigma}`)
      }
      requireCount('lognormal', 'max', max)
      const value = Math.round(median * Math.exp(sigma * standardNormal(stream)))
      return Math.min(Math.max(value, 1), max)
    }
  }
}
