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

/**
 * Standard normal variates by Box–Muller, both branches used: one logarithm, root, cosine and sine
 * per two samples. The pair's second half is kept for the next call, so the sequence depends only
 * on the stream.
 */
function standardNormals(stream: RandomStream): () => number {
  let spare = Number.NaN
  return () => {
    if (spare === spare) {
      const value = spare
      spare = Number.NaN
      return value
    }
    const radius = Math.sqrt(-2 * Math.log(1 - stream.next())) // 1 − u in (0, 1]: keeps the log finite
    const angle = 2 * Math.PI * stream.next()
    spare = radius * Math.sin(angle)
    return radius * Math.cos(angle)
  }
}

/**
 * A sampler of token counts from `distribution`, drawing from `stream` (`fixed` draws nothing).
 * The distribution is checked once, here, not on every sample: the serving simulator draws two
 * lengths per request.
 */
export function createLengthSampler(distribution: LengthDistribution, stream: RandomStream): () => number {
  switch (distribution.kind) {
    case 'fixed': {
      const { value } = distribution
      requireCount('fixed', 'value', value)
      return () => value
    }
    case 'uniform': {
      const { min, max } = distribution
      requireCount('uniform', 'min', min)
      requireCount('uniform', 'max', max, min)
      const span = max - min + 1
      return () => min + Math.floor(stream.next() * span)
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
      const normal = standardNormals(stream)
      return () => {
        const value = Math.round(median * Math.exp(sigma * normal()))
        return value < 1 ? 1 : value > max ? max : value
      }
    }
  }
}
