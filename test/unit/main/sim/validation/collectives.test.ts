import { describe, expect, it } from 'vitest'
import { checkCollectives } from '../../../../../main/sim/validation'

describe('the collective model against measured NCCL all-reduces', () => {
  const check = checkCollectives()

  it('scores every shipped measurement, within one DGX, with its source', () => {
    expect(check.rows.length).toBe(90)
    expect(check.rows.every((row) => row.simulated !== null && row.chips <= 8)).toBe(true)
    expect(check.source).toMatch(/Vidur.*MIT/)
    expect(Object.keys(check.summary.bySystemChips)).toHaveLength(6)
    expect(check.summary.all.rows).toBe(90)
  })

  it('simulates a ring all-reduce on the system’s default stack', () => {
    const row = check.rows.find((r) => r.system === 'dgx-h100' && r.chips === 8 && r.bytes === 64 * 1024 * 1024)!
    // NeMo 2023 on H100: 14 ring steps × 3.568 µs + 2 × 7/8 × 64 MiB / 450 GB/s = 49.95 + 260.98 µs.
    expect(row.simulated).toBeCloseTo(14 * 3.568e-6 + ((2 * 7) / 8) * (67108864 / 450e9), 12)
    expect(row.error).toBeCloseTo(row.simulated! / row.measured - 1, 12)
  })
})
