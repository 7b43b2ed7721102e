import { describe, expect, it } from 'vitest'
import { assumptionLedger, resolveSpec } from '../../../../../main/sim/assumptions'
import { HOST_LINK_MODEL, hostLinksUsed } from '../../../../../main/sim/hardware/hostLinks'
import { PCIE_GEN4_X16, PCIE_GEN5_X16 } from '../../../../../main/sim/hardware/pcie'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import { ScenarioSchema } from '../../../../../main/sim/scenario/schema'

/** Gen4 x16's achievable rate by hand (hardware/pcie.ts): 32e9 × 128/130 × 370/371 × 256/280. */
const GEN4_X16 = 32e9 * (128 / 130) * (370 / 371) * (256 / 280)
const GEN5_X16 = 2 * GEN4_X16

const copyRate = (id: keyof typeof SYSTEM_PRESETS, hostLinkModel: 'paper' | 'perGpuLinks', chips?: number) =>
  resolveSpec(
    SYSTEM_PRESETS[id],
    { assumptions: { logitsForLastTokenOnly: true, hostLinkModel } },
    chips === undefined ? {} : { chips },
  ).copyBandwidth

describe('host links', () => {
  it('gives a DGX A100 copying on all 8 GPUs half a Gen4 x16 link per GPU: two GPUs share each switch uplink', () => {
    const tier = SYSTEM_PRESETS['dgx-a100'].capacityTier
    expect(hostLinksUsed(tier, 8)).toBe(4)
    expect(copyRate('dgx-a100', 'perGpuLinks')).toBeCloseTo(4 * GEN4_X16, 0)
    expect(copyRate('dgx-a100', 'perGpuLinks') / 8).toBeCloseTo(GEN4_X16 / 2, 0)
    // likewise the DGX H100 (an ASSUMPTION, stated in its preset), at Gen5
    expect(copyRate('dgx-h100', 'perGpuLinks') / 8).toBeCloseTo(GEN5_X16 / 2, 0)
  })

  it('gives one chip copying alone its own link’s full rate', () => {
    expect(copyRate('dgx-a100', 'perGpuLinks', 1)).toBeCloseTo(GEN4_X16, 0)
    expect(copyRate('dgx-h100', 'perGpuLinks', 1)).toBeCloseTo(GEN5_X16, 0)
    expect(copyRate('mi300x-platform', 'perGpuLinks', 1)).toBeCloseTo(GEN5_X16, 0)
  })

  it('packs the chips a model uses onto uplinks in device order', () => {
    const tier = SYSTEM_PRESETS['dgx-a100'].capacityTier
    expect([1, 2, 3, 4, 8].map((chips) => hostLinksUsed(tier, chips))).toEqual([1, 1, 2, 2, 4])
    // a tier without chipsPerHostLink: each chip its own path
    expect(hostLinksUsed(SYSTEM_PRESETS['sn40l-node'].capacityTier, 8)).toBe(8)
  })

  it('gives each MI300X its own Gen5 x16 link, and leaves the SN40L’s DDR copies at 1 TB/s per node', () => {
    expect(copyRate('mi300x-platform', 'perGpuLinks')).toBeCloseTo(8 * GEN5_X16, 0)
    expect(copyRate('sn40l-node', 'perGpuLinks')).toBe(1e12)
    expect(copyRate('sn40l-node', 'paper')).toBe(1e12)
  })

  it('keeps the paper’s one PCIe link per DGX, at its achievable rate', () => {
    expect(copyRate('dgx-a100', 'paper')).toBe(PCIE_GEN4_X16.value)
    expect(copyRate('dgx-h100', 'paper')).toBe(PCIE_GEN5_X16.value)
    expect(copyRate('dgx-h200', 'paper')).toBe(PCIE_GEN5_X16.value)
    expect(copyRate('mi300x-platform', 'paper')).toBe(PCIE_GEN5_X16.value)
  })

  it('shows how each rate was derived beside it in the assumptions ledger', () => {
    for (const hostLinkModel of ['paper', 'perGpuLinks'] as const) {
      const scenario = ScenarioSchema.parse({
        name: 'copy rates',
        systems: ['dgx-a100'],
        workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20 },
        assumptions: { hostLinkModel },
      })
      const entry = assumptionLedger(scenario).find((row) => row.name === 'dgx-a100.copyBandwidth')!
      expect(entry.value).toBe(
        HOST_LINK_MODEL[hostLinkModel].copyBandwidth(SYSTEM_PRESETS['dgx-a100'].capacityTier, 8).value,
      )
      expect(entry.source).toContain('DERIVED: PCIe Gen4 x16 host-to-device DMA, 28.73 GB/s')
      if (hostLinkModel === 'perGpuLinks')
        expect(entry.source).toMatch(/× 4 host uplinks: 8 chips, 2 per uplink \(\[NV\] NVIDIA DGX A100/)
      else expect(entry.source).toMatch(/^\[P Sec\. VI-C\]/)
    }
  })
})
