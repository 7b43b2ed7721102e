import { describe, expect, it } from 'vitest'
import {
  DLLP_BYTES_PER_TLP,
  LINE_CODING,
  PCIE_GEN4_X16,
  PCIE_GEN5_X16,
  PCIE_TRANSFER_RATE,
  SKP_EFFICIENCY,
  TLP_OVERHEAD_BYTES,
  TLP_PAYLOAD_BYTES,
  pcieDmaRate,
  pcieRateSteps,
} from '../../../../../main/sim/hardware/pcie'

describe('the PCIe DMA rate, derived from the link', () => {
  it('takes Gen4 x16 from 32 GB/s nominal to 28.73 GB/s of payload, step by step', () => {
    const steps = pcieRateSteps({ generation: 4, lanes: 16 })
    // 16 GT/s × 16 lanes / 8 bits = 32 GB/s
    expect(steps.nominal).toBe(32e9)
    // × 128/130 = 31,507,692,307.7 B/s
    expect(steps.coded).toBeCloseTo(31_507_692_307.69, 1)
    // × 370/371 = 31,422,765,913.3 B/s
    expect(steps.skipped).toBeCloseTo(31_422_765_913.33, 1)
    // 256 B of data in 256 + 20 (STP token 4 + 3-DW completion header 12 + LCRC 4) + 4 (DLLPs) = 280 B
    expect(steps.tlpEfficiency).toBeCloseTo(256 / 280, 12)
    // × 256/280: 32e9 × (128 × 370 × 256) / (130 × 371 × 280) = 32e9 × 12,124,160 / 13,504,400
    expect(steps.payload).toBeCloseTo(28_729_385_977.9, 0)
    expect(PCIE_GEN4_X16.value).toBe(steps.payload)
  })

  it('gives Gen5 x16 twice Gen4 x16: 57.46 GB/s, and half the lanes half the rate', () => {
    expect(PCIE_GEN5_X16.value).toBeCloseTo(57_458_771_955.8, 0)
    expect(PCIE_GEN5_X16.value).toBeCloseTo(2 * PCIE_GEN4_X16.value, 3)
    expect(pcieDmaRate({ generation: 5, lanes: 8 }).value).toBeCloseTo(PCIE_GEN5_X16.value / 2, 3)
  })

  it('states every constant’s source, and the derivation in the rate’s own source', () => {
    expect(PCIE_TRANSFER_RATE[4]).toEqual({
      value: 16e9,
      source: expect.stringContaining('PCI Express Base Specification'),
    })
    expect(PCIE_TRANSFER_RATE[5].value).toBe(32e9)
    expect(LINE_CODING.value).toBe(128 / 130)
    expect(SKP_EFFICIENCY.value).toBe(370 / 371)
    expect(TLP_PAYLOAD_BYTES.source).toMatch(/^ASSUMPTION:.*Max_Payload_Size/)
    expect(TLP_OVERHEAD_BYTES.source).toMatch(/STP.*Completion header.*LCRC/)
    expect(DLLP_BYTES_PER_TLP.source).toMatch(/^ASSUMPTION:/)
    const source = PCIE_GEN4_X16.source
    expect(source).toMatch(/^DERIVED: PCIe Gen4 x16 host-to-device DMA, 28\.73 GB\/s = 16 GT\/s × 16 lanes/)
    for (const part of ['32 GB/s nominal', '128/130', '370/371', '256/280', 'pinned']) expect(source).toContain(part)
  })
})
