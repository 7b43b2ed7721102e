import { describe, expect, it } from 'vitest'
import {
  BYTES_PER_ELEMENT,
  EXTRA_PRECISIONS,
  PRECISION,
  PRECISIONS,
  peakFlopsAt,
  precisionRefusal,
  supportedPrecisions,
} from '../../../../main/sim/precision'
import { SYSTEM_PRESETS } from '../../../../main/sim/hardware/presets'
import { ChipSpecSchema } from '../../../../main/sim/hardware/schema'
import { WorkloadSchema } from '../../../../main/sim/scenario/schema'
import { TERA } from '../../../../main/sim/units'

describe('the precision registry', () => {
  it('gives each precision its element size and label', () => {
    expect(PRECISIONS).toEqual(['bf16', 'fp16', 'fp8', 'int8'])
    expect(BYTES_PER_ELEMENT).toEqual({ bf16: 2, fp16: 2, fp8: 1, int8: 1 })
    expect(PRECISIONS.map((id) => PRECISION[id].label)).toEqual(['BF16', 'FP16', 'FP8', 'INT8'])
    for (const id of PRECISIONS) expect(PRECISION[id].description).not.toBe('')
  })

  it('is the one list: the scenario schema and the chip schema are generated from it', () => {
    expect(WorkloadSchema.shape.precision.unwrap().options).toEqual(PRECISIONS)
    expect(EXTRA_PRECISIONS).toEqual(['fp16', 'fp8', 'int8'])
    const peaks = ChipSpecSchema.shape.precisionPeaks.unwrap()
    expect(Object.keys(peaks.shape)).toEqual(EXTRA_PRECISIONS)
  })
})

describe('peaks per chip', () => {
  const chip = (id: keyof typeof SYSTEM_PRESETS) => SYSTEM_PRESETS[id].chip

  it.each([
    // Dense figures: half the datasheets' "with sparsity" ones.
    ['dgx-a100', { bf16: 312, fp16: 312, int8: 624 }],
    ['dgx-h100', { bf16: 989, fp16: 989.4, fp8: 1979, int8: 1979 }],
    ['dgx-h200', { bf16: 989, fp16: 989.4, fp8: 1979, int8: 1979 }],
    ['mi300x-platform', { bf16: 1307.4, fp16: 1307.4, fp8: 2614.9, int8: 2614.9 }],
    ['sn40l-node', { bf16: 638 }],
  ] as const)('%s has exactly the datasheet peaks', (id, tera) => {
    expect(supportedPrecisions(chip(id))).toEqual(Object.keys(tera))
    for (const [precision, value] of Object.entries(tera)) {
      const peak = peakFlopsAt(chip(id), precision as keyof typeof tera)!
      expect(peak.value).toBeCloseTo(value * TERA, -6)
      expect(peak.source).toMatch(/\[(NV|AMD|P Table II)/)
    }
  })

  it('bf16 is the chip’s peakFlops, always there', () => {
    const custom = { name: 'X1', peakFlops: { value: 1e15, source: 'mine' } }
    expect(peakFlopsAt(custom, 'bf16')).toBe(custom.peakFlops)
    expect(supportedPrecisions(custom)).toEqual(['bf16'])
  })

  it('says why a chip cannot run a precision, and what it can', () => {
    expect(precisionRefusal('dgx-a100', chip('dgx-a100'), 'fp8')).toBe(
      'dgx-a100: the A100 80GB SXM4 has no FP8 peak (its figures give BF16, FP16 and INT8); choose bf16, fp16 or int8',
    )
    expect(precisionRefusal('sn40l-node', chip('sn40l-node'), 'int8')).toBe(
      'sn40l-node: the SN40L socket (RDU) has no INT8 peak (its figures give BF16 only); choose bf16',
    )
    expect(precisionRefusal('mine', chip('sn40l-node'), 'fp8', true)).toMatch(
      /choose bf16, or give its chip\.precisionPeaks\.fp8$/,
    )
    expect(precisionRefusal('dgx-h100', chip('dgx-h100'), 'fp8')).toBeNull()
  })
})
