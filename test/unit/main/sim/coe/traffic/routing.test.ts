import { describe, expect, it } from 'vitest'
import { createRouter, rankByPopularity, type Routing } from '../../../../../../main/sim/coe/traffic/routing'
import { createStream } from '../../../../../../main/sim/rng'

const zipf: Routing = { kind: 'zipf', exponent: 1 }

function routes(routing: Routing, experts: number, count: number, locality = 0, name = 'r') {
  const router = createRouter(routing, experts, createStream(3, name), locality)
  return { router, picks: Array.from({ length: count }, () => router.route()) }
}

function frequencies(picks: number[], experts: number): number[] {
  const counts = new Array<number>(experts).fill(0)
  for (const e of picks) counts[e] = (counts[e] ?? 0) + 1
  return counts.map((c) => c / picks.length)
}

describe('createRouter', () => {
  it('repeats for the same seed and name, differs by name', () => {
    expect(routes(zipf, 8, 500).picks).toEqual(routes(zipf, 8, 500).picks)
    expect(routes(zipf, 8, 500, 0, 'other').picks).not.toEqual(routes(zipf, 8, 500).picks)
  })

  it('gives Zipf s = 1 over 4 experts the popularity [1, 1/2, 1/3, 1/4] / (25/12)', () => {
    // 1 + 1/2 + 1/3 + 1/4 = (12 + 6 + 4 + 3) / 12 = 25/12 → [12, 6, 4, 3] / 25
    const expected = [0.48, 0.24, 0.16, 0.12]
    const { router, picks } = routes(zipf, 4, 100_000)
    Array.from(router.popularity).forEach((p, i) => expect(p).toBeCloseTo(expected[i] ?? 0, 12))
    frequencies(picks, 4).forEach((f, i) => expect(Math.abs(f - (expected[i] ?? 0))).toBeLessThan(0.01))
  })

  it.each<[Routing, number[]]>([
    [{ kind: 'uniform' }, [0.2, 0.2, 0.2, 0.2, 0.2]],
    // 1 + 0 + 3 + 4 + 2 = 10
    [{ kind: 'table', weights: [1, 0, 3, 4, 2] }, [0.1, 0, 0.3, 0.4, 0.2]],
  ])('matches %j popularity and frequencies', (routing, expected) => {
    const { router, picks } = routes(routing, 5, 100_000)
    Array.from(router.popularity).forEach((p, i) => expect(p).toBeCloseTo(expected[i] ?? 0, 12))
    frequencies(picks, 5).forEach((f, i) => expect(Math.abs(f - (expected[i] ?? 0))).toBeLessThan(0.01))
  })

  it('never picks a zero-weight expert', () => {
    const { picks } = routes({ kind: 'table', weights: [0, 2, 0, 1, 0] }, 5, 20_000)
    expect(new Set(picks)).toEqual(new Set([1, 3]))
  })

  it('repeats the previous expert at p + (1 − p)·Σp_i² with locality p = 0.8', () => {
    // A repeat is either the locality coin (0.8) or a fresh draw landing on the same expert:
    // Σp_i² = (12² + 6² + 4² + 3²) / 25² = 205/625 = 0.328 → 0.8 + 0.2·0.328 = 0.8656
    const { picks } = routes(zipf, 4, 100_000, 0.8)
    const repeats = picks.filter((e, i) => i > 0 && e === picks[i - 1]).length / (picks.length - 1)
    expect(Math.abs(repeats - 0.8656)).toBeLessThan(0.01)
  })

  it.each<[Routing, number, number, string]>([
    [{ kind: 'table', weights: [1, 2] }, 3, 0, 'weights: expected one weight per expert (3), got 2'],
    [{ kind: 'table', weights: [0, 0] }, 2, 0, 'weights: expected a positive sum'],
    [{ kind: 'table', weights: [1, -1] }, 2, 0, 'weights[1]: expected a finite number >= 0'],
    [{ kind: 'zipf', exponent: -1 }, 2, 0, 'zipf routing: exponent'],
    [{ kind: 'uniform' }, 0, 0, 'routing: experts'],
    [{ kind: 'uniform' }, 2, 1.5, 'routing: locality'],
  ])('rejects %j over %i experts (locality %d)', (routing, experts, locality, message) => {
    expect(() => createRouter(routing, experts, createStream(1, 'bad'), locality)).toThrow(message)
  })
})

describe('rankByPopularity', () => {
  it('puts the most popular first and breaks ties by id', () => {
    expect(rankByPopularity(Float64Array.from([0.1, 0.3, 0.1, 0.5]))).toEqual([3, 1, 0, 2])
  })
})

describe('the alias table behind createRouter', () => {
  it('draws each of 7 uneven weights at its probability, and never a zero weight', () => {
    // weights 5, 0, 1, 1, 0, 2, 1 over a total of 10
    const weights = [5, 0, 1, 1, 0, 2, 1]
    const { picks } = routes({ kind: 'table', weights }, 7, 200_000)
    frequencies(picks, 7).forEach((f, i) => expect(Math.abs(f - weights[i]! / 10)).toBeLessThan(0.005))
  })

  it('gives a single expert every request', () => {
    expect(new Set(routes({ kind: 'uniform' }, 1, 1000).picks)).toEqual(new Set([0]))
  })
})
