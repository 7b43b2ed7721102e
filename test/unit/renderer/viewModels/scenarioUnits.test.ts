import { describe, expect, it } from 'vitest'
import { toDisplay, unitOf } from '../../../../renderer/src/viewModels/scenarioUnits'

describe('the units the custom-system editor shows', () => {
  it('shows a figure the core owns in its table’s unit: latencies in µs, efficiencies as fractions', () => {
    expect(unitOf('collectiveLatency')).toMatchObject({ label: 'µs', scale: 1e-6 })
    expect(toDisplay(3.6e-6, unitOf('collectiveLatency'))).toBe(3.6)
    expect(unitOf('kernelRamp')).toMatchObject({ label: 'µs' })
    expect(unitOf('attentionEfficiency')).toMatchObject({ label: 'fraction of peak, 0–1', scale: 1 })
    expect(unitOf('programLoad')).toMatchObject({ label: 'ms', scale: 1e-3 })
  })

  it('shows the spec’s own fields in theirs, and plain numbers bare', () => {
    expect(toDisplay(989e12, unitOf('peakFlops'))).toBe(989)
    expect(toDisplay(80e9, unitOf('hbmBytes'))).toBe(80)
    expect(unitOf('fp8')).toMatchObject({ label: 'TFLOP/s' })
    expect(unitOf('chipsPerHostLink')).toBeNull()
  })
})
