import type { RandomStream } from '../../rng'
import type { ExpertId } from '../types'

/** How requests choose among the experts, before locality. */
export type Routing =
  | { kind: 'uniform' }
  /** p_i ∝ 1 / (i + 1)^exponent: expert 0 most popular. */
  | { kind: 'zipf'; exponent: number }
  /** p_i ∝ weights[i]; one weight per expert. */
  | { kind: 'table'; weights: number[] }

export interface Router {
  /** The expert of the next request. */
  route(): ExpertId
  /** Stationary probability of each expert, locality aside (locality leaves it unchanged). */
  popularity: Float64Array
}

function routingWeights(routing: Routing, experts: number): number[] {
  switch (routing.kind) {
    case 'uniform':
      return new Array<number>(experts).fill(1)
    case 'zipf': {
      const s = routing.exponent
      if (!(s >= 0 && Number.isFinite(s))) {
        throw new Error(`zipf routing: exponent: expected a finite number >= 0, got ${s}`)
      }
      return Array.from({ length: experts }, (_, i) => 1 / (i + 1) ** s)
    }
    case 'table': {
      const { weights } = routing
      if (weights.length !== experts) {
        throw new Error(`table routing: weights: expected one weight per expert (${experts}), got ${weights.length}`)
      }
      weights.forEach((w, i) => {
        if (!(w >= 0 && Number.isFinite(w))) {
          throw new Error(`table routing: weights[${i}]: expected a finite number >= 0, got ${w}`)
        }
      })
      if (!(weights.reduce((sum, w) => sum + w, 0) > 0)) {
        throw new Error('table routing: weights: expected a positive sum, got 0')
      }
      return [...weights]
    }
  }
}

/** Walker's alias table: column i keeps itself with probability `keep[i]`, else gives `alias[i]`. */
interface AliasTable {
  keep: Float64Array
  alias: Int32Array
}

/**
 * Vose's construction of an alias table for `probabilities` (summing to 1), so that a draw is
 * O(1) — one uniform picks a column and, from its fractional part, the column's keeper or alias —
 * instead of a binary search: the router draws once per request. Columns left over by rounding
 * keep themselves; zero-probability experts never do and are never anyone's alias.
 */
function aliasTable(probabilities: Float64Array): AliasTable {
  const n = probabilities.length
  const keep = new Float64Array(n)
  const alias = new Int32Array(n)
  const scaled = Float64Array.from(probabilities, (p) => p * n)
  const small: number[] = []
  const large: number[] = []
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i))
  while (small.length > 0 && large.length > 0) {
    const less = small.pop()!
    const more = large[large.length - 1]!
    keep[less] = scaled[less]!
    alias[less] = more
    scaled[more] = scaled[more]! + scaled[less]! - 1
    if (scaled[more]! < 1) small.push(large.pop()!)
  }
  // What is left is within rounding of 1, unless it has no weight at all: then it always gives
  // way, to the most popular expert.
  const favourite = probabilities.indexOf(Math.max(...probabilities))
  for (const i of [...large, ...small]) {
    const weighted = probabilities[i]! > 0
    keep[i] = weighted ? 1 : 0
    alias[i] = weighted ? i : favourite
  }
  return { keep, alias }
}

/**
 * A router over `experts` experts. With probability `locality` a request goes to the previous
 * request's expert; otherwise it is drawn afresh (and may land on the same one). A locality of 0
 * draws one number per request, otherwise two.
 */
export function createRouter(routing: Routing, experts: number, stream: RandomStream, locality = 0): Router {
  if (!Number.isInteger(experts) || experts < 1) {
    throw new Error(`routing: experts: expected an integer >= 1, got ${experts}`)
  }
  if (!(locality >= 0 && locality <= 1)) {
    throw new Error(`routing: locality: expected a probability in [0, 1], got ${locality}`)
  }
  const weights = routingWeights(routing, experts)
  const total = weights.reduce((sum, w) => sum + w, 0)
  const popularity = Float64Array.from(weights, (w) => w / total)
  const { keep, alias } = aliasTable(popularity)
  let previous: ExpertId | undefined
  return {
    popularity,
    route() {
      if (previous !== undefined && locality > 0 && stream.next() < locality) return previous
      const u = stream.next() * experts
      const column = Math.min(Math.floor(u), experts - 1) // u < experts, bar rounding
      previous = u - column < keep[column]! ? column : alias[column]!
      return previous
    },
  }
}

/** Expert ids, most popular first; equal popularity goes to the lower id first. */
export function rankByPopularity(popularity: Float64Array): ExpertId[] {
  return Array.from(popularity.keys()).sort((a, b) => (popularity[b] ?? 0) - (popularity[a] ?? 0) || a - b)
}
