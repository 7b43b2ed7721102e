import { describe, expect, it } from 'vitest'
import { createCompensatedSum } from '../../../../../../main/sim/coe/metrics/compensatedSum'

describe('createCompensatedSum', () => {
  it('keeps what a plain sum loses', () => {
    // 1 + 10^100 + 1 − 10^100 = 2; a plain left-to-right sum gives 0
    const sum = createCompensatedSum()
    for (const term of [1, 1e100, 1, -1e100]) sum.add(term)
    expect(sum.value).toBe(2)
  })

  it('adds 0.1 ten million times to 10^6', () => {
    // the double nearest 0.1 is 0.1 + 5.55e-18; × 10^7 = 10^6 + 5.55e-11, which rounds to 10^6
    // (the spacing of doubles near 10^6 is 1.16e-10); a plain += drifts to 999999.9998389754
    const sum = createCompensatedSum()
    for (let i = 0; i < 10_000_000; i++) sum.add(0.1)
    expect(sum.value).toBe(1_000_000)
  })
})
