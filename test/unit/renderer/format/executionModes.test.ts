import { describe, expect, it } from 'vitest'
import {
  defaultModeOf,
  modeDescription,
  modeLabel,
  supportedModes,
} from '../../../../renderer/src/format/executionModes'

describe('execution modes in the renderer', () => {
  it('offers no fused modes without dataflow fusion', () => {
    expect(supportedModes({ execution: { dataflowFusion: false } } as never)).toEqual(['unfused', 'kernelFused'])
    expect(supportedModes({ execution: { dataflowFusion: true } } as never)).toHaveLength(4)
    expect(defaultModeOf({ execution: { dataflowFusion: true } } as never)).toBe('fusedHO')
  })

  it.each([
    ['no execution', {}],
    ['a fusion flag that is not true', { execution: { dataflowFusion: 'yes' } }],
  ])('treats a custom system with %s (not yet checked by the API) as unfused', (_case, system) => {
    expect(supportedModes(system as never)).toEqual(['unfused', 'kernelFused'])
    expect(defaultModeOf(system as never)).toBe('kernelFused')
  })

  it('labels known modes and passes unknown ones through, even names every object has', () => {
    expect(modeLabel('fusedHO')).toBe('fused HO')
    expect(modeLabel('somethingNew')).toBe('somethingNew')
    expect(modeLabel('constructor')).toBe('constructor')
    expect(modeDescription('toString')).toBe('')
  })
})
