import { describe, expect, it } from 'vitest'
import { defaultMode, supportsMode } from '../../../../main/sim/assumptions'
import { SYSTEM_PRESETS } from '../../../../main/sim/hardware/presets'
import { EXECUTION_MODES as CORE_MODES } from '../../../../main/sim/perf/modes'
import {
  EXECUTION_MODES,
  defaultModeOf,
  modeLabel,
  supportedModes,
} from '../../../../renderer/src/format/executionModes'

describe('execution modes in the renderer', () => {
  it('restates the core list exactly', () => {
    expect(EXECUTION_MODES).toEqual(CORE_MODES)
  })

  it.each(Object.values(SYSTEM_PRESETS).map((system) => [system.id, system] as const))(
    '%s: offers the modes the core accepts and names its default',
    (_id, system) => {
      expect(supportedModes(system)).toEqual(CORE_MODES.filter((mode) => supportsMode(system, mode)))
      expect(defaultModeOf(system)).toBe(defaultMode(system))
    },
  )

  it('offers no fused modes without dataflow fusion', () => {
    expect(supportedModes({ execution: { dataflowFusion: false } } as never)).toEqual(['unfused', 'kernelFused'])
    expect(supportedModes({ execution: { dataflowFusion: true } } as never)).toHaveLength(4)
  })

  it.each([
    ['no execution', {}],
    ['a fusion flag that is not true', { execution: { dataflowFusion: 'yes' } }],
  ])('treats a custom system with %s (not yet checked by the API) as unfused', (_case, system) => {
    expect(supportedModes(system as never)).toEqual(['unfused', 'kernelFused'])
    expect(defaultModeOf(system as never)).toBe('kernelFused')
  })

  it('labels known modes and passes unknown ones through', () => {
    expect(modeLabel('fusedHO')).toBe('fused HO')
    expect(modeLabel('somethingNew')).toBe('somethingNew')
  })
})
