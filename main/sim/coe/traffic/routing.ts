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

/** First index whose cumulative weight exceeds `target`: O(log N). */
function search(cumulative: Float64Array, target: number, last: number): number {
  let low = 0
  let high = last
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((cumulative[middle] ?? 0) > target) high = middle
    else low = middle + 1
  }
  return low
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
  const cumulative = new Float64Array(experts)
  let total = 0
  let lastPositive = 0
  weights.forEach((w, i) => {
    total += w
    cumulative[i] = total
    if (w > 0) lastPositive = i
  })
  const popularity = Float64Array.from(weights, (w) => w / total)
  let previous: ExpertId | undefined
  return {
    popularity,
    route() {
      if (previous !== undefined && locality > 0 && stream.next() < locality) return previous
      // Clamping to the last positive weight guards u·total rounding up to total.
      previous = search(cumulative, stream.next() * total, lastPositive)
      return previous
    },
  }
}

/** Expert ids, most popular first; equal popularity goes to the lower id first. */
export function rankByPopularity(popularity: Float64Array): ExpertId[] {
  return Array.from(popularity.keys()).sort((a, b) => (popularity[b] ?? 0) - (popularity[a] ?? 0) || a - b)
}
