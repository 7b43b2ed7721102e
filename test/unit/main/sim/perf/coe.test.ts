import { describe, expect, it } from 'vitest'
import { resolveSpec } from '../../../../../main/sim/assumptions'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import { MODEL_PRESETS } from '../../../../../main/sim/models/presets'
import { coeCallLatency, expertPlacement } from '../../../../../main/sim/perf/coeCall'
import { machinesNeeded } from '../../../../../main/sim/perf/footprint'

const scenario = { assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' as const } }
const sn40l = resolveSpec(SYSTEM_PRESETS['sn40l-node'], scenario)
const h100 = resolveSpec(SYSTEM_PRESETS['dgx-h100'], scenario)
const llama = MODEL_PRESETS['llama2-7b']
const input = (experts: number, batch = 8) => ({
  router: llama,
  expert: llama,
  experts,
  batch,
  promptTokens: 128,
  outputTokens: 20,
  bytesPerElement: 2,
})

describe('expert placement', () => {
  it('leaves HBM after the router and the KV cache as expert slots', () => {
    // DGX H100: 640e9 − router 13,476,831,232 − KV 8 * 148 tokens * 524,288 B = 620,902,146,560 B
    // → floor(620,902,146,560 / 13,476,831,232) = 46 experts
    expect(expertPlacement(h100, input(150)).residentSlots).toBe(46)
    // SN40L node: 512e9 − the same → floor(492,902,146,560 / 13,476,831,232) = 36
    expect(expertPlacement(sn40l, input(150)).residentSlots).toBe(36)
  })

  it('runs a DGX out of memory at 150 experts, as the paper says: 150 × 13.48 GB exceeds 2 TB of host DRAM', () => {
    expect(expertPlacement(h100, input(148)).fits).toBe(true)
    expect(expertPlacement(h100, input(150)).fits).toBe(false)
    expect(coeCallLatency(h100, input(150))).toBeNull()
    expect(expertPlacement(sn40l, input(150)).fits).toBe(true)
  })
})

describe('coeCallLatency', () => {
  it('is router + switching + each prompt’s expert in turn, with no switches when every expert is resident', () => {
    const call = coeCallLatency(h100, input(40))!
    expect(call.expectedSwitches).toBe(0)
    expect(call.seconds).toBeCloseTo(call.routerSeconds + call.expertSeconds, 12)
    const busy = coeCallLatency(h100, input(148))!
    // one switch: 13,476,831,232 B over one PCIe Gen5 x16 link at its achievable rate,
    // 64e9 × 128/130 × 370/371 × 256/280 B/s (hardware/pcie.ts): 0.210575488 s at the nominal 64e9, × the inverse
    expect(busy.switchSeconds).toBeCloseTo(
      busy.expectedSwitches * 0.210575488 * (130 / 128) * (371 / 370) * (280 / 256),
      9,
    )
    expect(busy.seconds).toBeCloseTo(busy.routerSeconds + busy.switchSeconds + busy.expertSeconds, 12)
  })
})

describe('machinesNeeded', () => {
  it('sizes a GPU system by HBM and the SN40L by DDR', () => {
    expect(machinesNeeded(h100, input(1), 46)).toBe(1)
    expect(machinesNeeded(h100, input(1), 47)).toBe(2)
    // 12 TB of DDR / 13,476,831,232 B = 890 experts per node
    expect(machinesNeeded(sn40l, input(1), 890)).toBe(1)
    expect(machinesNeeded(sn40l, input(1), 891)).toBe(2)
  })

  it('never falls as experts grow', () => {
    for (const system of [sn40l, h100]) {
      let previous = 0
      for (let experts = 1; experts <= 2000; experts += 7) {
        const machines = machinesNeeded(system, input(1), experts)!
        expect(machines).toBeGreaterThanOrEqual(previous)
        previous = machines
      }
    }
  })
})
