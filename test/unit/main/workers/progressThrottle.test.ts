import { describe, expect, it } from 'vitest'
import { throttleProgress } from '../../../../main/workers/progressThrottle'

describe('throttleProgress', () => {
  it('passes at most one update per interval, and always the end', () => {
    let clock = 0
    const seen: number[] = []
    const report = throttleProgress(
      (fraction) => seen.push(fraction),
      100,
      () => clock,
    )
    const updates: [number, number][] = [
      [0, 0.1],
      [50, 0.2],
      [99, 0.3],
      [100, 0.4],
      [150, 0.5],
      [230, 0.6],
      [240, 1],
    ]
    for (const [time, fraction] of updates) {
      clock = time
      report(fraction)
    }
    // 0.1 at t=0; 0.4 at t=100 (100 ms later); 0.6 at t=230; 1 at t=240 because it is the end
    expect(seen).toEqual([0.1, 0.4, 0.6, 1])
  })
})
