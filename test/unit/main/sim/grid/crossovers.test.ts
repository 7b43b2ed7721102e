import { describe, expect, it } from 'vitest'
import { findCrossovers, type CrossoverPoint } from '../../../../../main/sim/grid/crossovers'

const spread = (value: number | null) => (value === null ? null : { p5: value, p50: value, p95: value })

/** A point of a one-axis line: x and each system's value of one metric. */
function point(x: number, metric: string, bySystem: Record<string, number | null>, at?: number): CrossoverPoint {
  const metrics = Object.fromEntries(Object.entries(bySystem).map(([id, v]) => [id, { [metric]: spread(v) }]))
  return { values: at === undefined ? [x] : [x, at], metrics }
}

const experts = [{ path: 'serving.experts', values: [10, 20, 30, 40] }]

describe('findCrossovers', () => {
  it('interpolates where one system overtakes another', () => {
    // a − b: 10 − 30 = −20 at x = 20, 50 − 30 = +20 at x = 30: zero halfway, at 25
    const points = [
      point(10, 'totalSeconds', { a: 5, b: 30 }),
      point(20, 'totalSeconds', { a: 10, b: 30 }),
      point(30, 'totalSeconds', { a: 50, b: 30 }),
      point(40, 'totalSeconds', { a: 60, b: 30 }),
    ]
    expect(findCrossovers(experts, points, ['a', 'b'])).toEqual([
      {
        metric: 'totalSeconds',
        path: 'serving.experts',
        at: null,
        kind: 'overtake',
        x: 25,
        systems: ['a', 'b'],
        description: "a's totalSeconds rises above b's at serving.experts = 25",
      },
    ])
  })

  it('interpolates unevenly and finds every swap', () => {
    // d: +3 at 10, −1 at 20 → 10 + 10 × 3/4 = 17.5; −1 at 20, +1 at 30 → 25
    const points = [
      point(10, 'servingLatencyP99', { a: 4, b: 1 }),
      point(20, 'servingLatencyP99', { a: 1, b: 2 }),
      point(30, 'servingLatencyP99', { a: 3, b: 2 }),
    ]
    const found = findCrossovers(experts, points, ['a', 'b'])
    expect(found.map((c) => [c.x, c.systems])).toEqual([
      [17.5, ['b', 'a']],
      [25, ['a', 'b']],
    ])
  })

  it('puts a crossing through a tie at the tied point', () => {
    const points = [
      point(10, 'totalSeconds', { a: 1, b: 2 }),
      point(20, 'totalSeconds', { a: 2, b: 2 }),
      point(30, 'totalSeconds', { a: 3, b: 2 }),
    ]
    expect(findCrossovers(experts, points, ['a', 'b']).map((c) => c.x)).toEqual([20])
  })

  it('names the right leader after a crossing through a plateau of ties', () => {
    // a − b: −1, 0, 0, +1 — a ends above b, though the first point past x = 20 is still a tie
    const points = [
      point(10, 'totalSeconds', { a: 1, b: 2 }),
      point(20, 'totalSeconds', { a: 2, b: 2 }),
      point(30, 'totalSeconds', { a: 2, b: 2 }),
      point(40, 'totalSeconds', { a: 3, b: 2 }),
    ]
    const [crossing] = findCrossovers(experts, points, ['a', 'b'])
    expect(crossing).toMatchObject({ x: 20, systems: ['a', 'b'] })
  })

  it('reports each added machine as a step above the previous point', () => {
    const points = [
      point(10, 'machinesForExperts', { 'dgx-h100': 1, 'sn40l-node': 1 }),
      point(20, 'machinesForExperts', { 'dgx-h100': 1, 'sn40l-node': 1 }),
      point(30, 'machinesForExperts', { 'dgx-h100': 2, 'sn40l-node': 1 }),
      point(40, 'machinesForExperts', { 'dgx-h100': 3, 'sn40l-node': null }),
    ]
    const found = findCrossovers(experts, points, ['sn40l-node', 'dgx-h100'])
    expect(found.map((c) => [c.kind, c.x, c.description])).toEqual([
      ['step', 30, 'dgx-h100 needs 2 machines above 20 experts (serving.experts)'],
      ['step', 40, 'dgx-h100 needs 3 machines above 30 experts (serving.experts)'],
    ])
  })

  it('finds them per value of the second axis, sorting x', () => {
    const axes = [
      { path: 'serving.experts', values: [20, 10] },
      { path: 'workload.batch', values: [1, 8] },
    ]
    const points = [
      point(20, 'machinesForExperts', { g: 2 }, 1),
      point(20, 'machinesForExperts', { g: 1 }, 8),
      point(10, 'machinesForExperts', { g: 1 }, 1),
      point(10, 'machinesForExperts', { g: 1 }, 8),
    ]
    expect(findCrossovers(axes, points, ['g'])).toEqual([
      expect.objectContaining({
        at: 1,
        x: 20,
        description: 'g needs 2 machines above 10 experts (serving.experts, at workload.batch = 1)',
      }),
    ])
  })

  it('finds nothing along a non-numeric axis', () => {
    const axes = [{ path: 'serving.cachePolicy', values: ['lru', 'lfu'] }]
    expect(findCrossovers(axes, [], ['a'])).toEqual([])
  })
})
