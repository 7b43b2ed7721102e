import { describe, expect, it } from 'vitest'
import { SYSTEM_PRESETS } from '../../../../main/sim/hardware/presets'
import { defaultStackText, stackOptions } from '../../../../renderer/src/format/stacks'

describe('stack choices', () => {
  it('offers the stacks with figures for the silicon, by label, with what was measured', () => {
    const options = stackOptions(SYSTEM_PRESETS['dgx-a100'])
    expect(options.map((option) => option.id)).toEqual(expect.arrayContaining(['nemo-2023', 'trtllm-2024', 'ideal']))
    expect(options.map((option) => option.id)).not.toContain('sambaflow-2024')
    expect(options.find((option) => option.id === 'nemo-2023')).toMatchObject({ label: 'NeMo 2023' })
    expect(options.every((option) => option.description.length > 0)).toBe(true)
  })

  it('offers only the ideal stack to a chip of no known family, the API not having checked it yet', () => {
    expect(stackOptions({ chip: {} } as never).map((option) => option.id)).toEqual(['ideal'])
    expect(stackOptions({} as never).map((option) => option.id)).toEqual(['ideal'])
  })

  it('names the default: the preset’s paper pairing, else the system’s own figures', () => {
    expect(defaultStackText(SYSTEM_PRESETS['dgx-a100'])).toBe('default (NeMo 2023)')
    expect(defaultStackText(SYSTEM_PRESETS['sn40l-node'])).toMatch(/^default \(SambaFlow/)
    expect(defaultStackText({})).toBe('own figures')
  })
})
