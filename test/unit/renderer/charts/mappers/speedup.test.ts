import { describe, expect, it } from 'vitest'
import { speedupRows } from '../../../../../renderer/src/charts/mappers/speedup'
import { detail, okSystem, outOfMemorySystem } from '../../fixtures'

// Run 1 totals: SN40L 0.5 s, DGX A100 2 s, DGX H100 1 s.
// Run 2 totals: SN40L 0.25 s, DGX A100 out of memory, DGX H100 0.75 s.
const run1 = detail(1, [
  okSystem('sn40l-node', 'SN40L node', 0.1, 0.4),
  okSystem('dgx-a100', 'DGX A100', 0.2, 1.8),
  okSystem('dgx-h100', 'DGX H100', 0.1, 0.9),
])
const run2 = detail(2, [
  okSystem('sn40l-node', 'SN40L node', 0.05, 0.2),
  outOfMemorySystem('dgx-a100', 'DGX A100'),
  okSystem('dgx-h100', 'DGX H100', 0.15, 0.6),
])

describe('speedupRows', () => {
  it.each([
    // baseline DGX A100: run 1: 2/0.5 = 4, 2/2 = 1, 2/1 = 2; run 2 has no A100 total, so all n/a
    ['dgx-a100', [4, 1, 2], [null, null, null]],
    // baseline DGX H100: run 1: 1/0.5 = 2, 1/2 = 0.5, 1/1 = 1; run 2: 0.75/0.25 = 3, n/a, 1
    ['dgx-h100', [2, 0.5, 1], [3, null, 1]],
  ])('relative to %s', (baseline, expected1, expected2) => {
    const rows = speedupRows([run1, run2], baseline)
    expect(rows.map((row) => row.runId)).toEqual([1, 2])
    rows[0]!.factors.forEach((factor, i) => expect(factor).toBeCloseTo(expected1[i]!, 12))
    rows[1]!.factors.forEach((factor, i) =>
      expected2[i] === null ? expect(factor).toBeNull() : expect(factor).toBeCloseTo(expected2[i]!, 12),
    )
  })

  it('reports the baseline seconds of each run', () => {
    expect(speedupRows([run1, run2], 'dgx-h100').map((row) => row.baselineSeconds)).toEqual([1, 0.75])
  })

  it('skips runs without a result', () => {
    expect(speedupRows([run1, detail(9, null)], 'dgx-h100').map((row) => row.runId)).toEqual([1])
  })
})
