import { describe, expect, it } from 'vitest'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import { ScenarioSchema } from '../../../../../main/sim/scenario/schema'

const base = {
  name: 'x',
  systems: ['dgx-h100'],
  workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 2 },
}
const issues = (input: unknown) => {
  const parsed = ScenarioSchema.safeParse(input)
  expect(parsed.success).toBe(false)
  return parsed.error!.issues
}

describe('a 0.4.0 scenario naming a retired figure', () => {
  it('is refused at the override, saying what replaced it and naming any other unknown key', () => {
    const [issue] = issues({ ...base, systemOverrides: { 'dgx-h100': { hopLatency: 3e-6, typo: 1 } } })
    expect(issue!.path).toEqual(['systemOverrides', 'dgx-h100'])
    expect(issue!.message).toMatch(/^hopLatency \(one ring step\) was retired in simulator 0\.5\.0.*collectiveLatency/)
    expect(issue!.message).toMatch(/; unrecognized "typo"$/)
  })

  it('is refused in a custom system’s interconnect, naming the algorithm to choose', () => {
    const {
      collectiveLatency: _latency,
      collectiveAlgorithm: _algorithm,
      ...links
    } = SYSTEM_PRESETS['dgx-h100'].interconnect
    const custom = {
      ...SYSTEM_PRESETS['dgx-h100'],
      id: 'old-box',
      interconnect: { ...links, hopLatency: { value: 3.57e-6, source: '0.4.0' } },
    }
    const issue = issues({ ...base, systems: ['old-box'], customSystems: [custom] }).find((i) =>
      i.message.startsWith('hopLatency'),
    )
    expect(issue!.path).toEqual(['customSystems', 0, 'interconnect'])
    expect(issue!.message).toMatch(/collectiveAlgorithm \(ncclRing, the default.*halvingDoubling/)
  })
})

describe('splitting the model over a system’s chips', () => {
  it('refuses a default chip count that does not divide the heads, at the system, saying how to fix it', () => {
    // Llama-2-13B has 40 heads: 16 sockets do not divide them.
    const [issue] = issues({ ...base, systems: ['sn40l-node-16'], workload: { ...base.workload, model: 'llama2-13b' } })
    expect(issue).toMatchObject({
      path: ['systems', 0],
      message:
        "sn40l-node-16's 16 chips do not divide llama2-13b's 40 attention heads: set systemOverrides.sn40l-node-16.chips",
    })
  })

  it('accepts it once the override divides them', () => {
    const parsed = ScenarioSchema.safeParse({
      ...base,
      systems: ['sn40l-node-16'],
      workload: { ...base.workload, model: 'llama2-13b' },
      systemOverrides: { 'sn40l-node-16': { chips: 8 } },
    })
    expect(parsed.success).toBe(true)
  })
})
