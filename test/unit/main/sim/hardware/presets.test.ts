import { describe, expect, it } from 'vitest'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import { SystemSpecSchema } from '../../../../../main/sim/hardware/schema'
import { MODEL_PRESETS } from '../../../../../main/sim/models/presets'
import { ModelSpecSchema } from '../../../../../main/sim/models/schema'

const quantities = (value: unknown): { value: number; source: string }[] => {
  if (typeof value !== 'object' || value === null) return []
  if ('value' in value && 'source' in value) return [value as { value: number; source: string }]
  return Object.values(value).flatMap(quantities)
}

describe.each(Object.entries(SYSTEM_PRESETS))('system preset %s', (id, system) => {
  it('satisfies the system schema under its own id', () => {
    expect(SystemSpecSchema.parse(system).id).toBe(id)
  })
  it('cites a source for every constant', () => {
    const all = quantities(system)
    expect(all.length).toBeGreaterThanOrEqual(9)
    // A fitted figure cites the fit and the measurement rows it was fitted on.
    for (const quantity of all)
      expect(quantity.source).toMatch(/\[(P|NV|HC|AMD|Vidur|FA2|FA3)[^\]]*\]|ASSUMPTION:|DERIVED|^FIT \(/)
  })
})

describe.each(Object.entries(MODEL_PRESETS))('model preset %s', (id, model) => {
  it('satisfies the model schema and cites its model card', () => {
    expect(ModelSpecSchema.parse(model).id).toBe(id)
    for (const quantity of quantities(model)) expect(quantity.source).toMatch(/config\.json|model card/i)
  })
})

describe('SN40L node figures from the paper', () => {
  it('adds up to 5.1 PFLOP/s and 512 GB of HBM over 8 sockets', () => {
    const node = SYSTEM_PRESETS['sn40l-node']
    // 8 * 638 TFLOP/s = 5.104 PFLOP/s; 8 * 64 GB = 512 GB
    expect(node.chipCount.value * node.chip.peakFlops.value).toBe(5.104e15)
    expect(node.chipCount.value * node.chip.hbmBytes.value).toBe(512e9)
  })
})
