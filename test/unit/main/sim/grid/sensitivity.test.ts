import { describe, expect, it } from 'vitest'
import { focusScenario, sensitivityFigures } from '../../../../../main/sim/grid/sensitivity'
import { ScenarioSchema } from '../../../../../main/sim/scenario/schema'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'

const scenario = ScenarioSchema.parse({
  name: 'tornado',
  systems: ['sn40l-node', 'dgx-h100'],
  workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20 },
  systemOverrides: { 'dgx-h100': { memoryEfficiency: 0.9 }, 'sn40l-node': { stepOverhead: 0.001 } },
})

describe('sensitivity figures', () => {
  const figures = sensitivityFigures(scenario, 'dgx-h100', 0.2)
  const byName = Object.fromEntries(figures.map((f) => [f.name, f]))

  it('move every non-integer override of the system, not mode or chips', () => {
    expect(figures.map((f) => f.name).sort()).toEqual(
      [
        'attentionEfficiency',
        'computeEfficiency',
        'copyBandwidth',
        'collectiveLatency',
        'collectiveStepLatency',
        'hostKernelOverhead',
        'kernelRamp',
        'interconnectBandwidth',
        'memoryEfficiency',
        'onChipKernelOverhead',
        'programLoad',
        'sequenceStepOverhead',
        'stepOverhead',
      ].sort(),
    )
    expect(byName.programLoad!.path).toBe('systemOverrides.dgx-h100.programLoad')
  })

  it('start from the override where there is one, the preset otherwise, and clamp to the bounds', () => {
    // 0.9 × 0.8 = 0.72; 0.9 × 1.2 = 1.08, clamped to the efficiency bound 1
    expect(byName.memoryEfficiency).toMatchObject({ baseValue: 0.9, high: 1 })
    expect(byName.memoryEfficiency!.low).toBeCloseTo(0.72, 12)
    const preset = SYSTEM_PRESETS['dgx-h100'].chip.computeEfficiency.value
    expect(byName.computeEfficiency!.baseValue).toBe(preset)
    expect(byName.computeEfficiency!.low).toBeCloseTo(preset * 0.8, 12)
  })

  it('focus the scenario on the one system and its overrides', () => {
    expect(focusScenario(scenario, 'dgx-h100')).toMatchObject({
      systems: ['dgx-h100'],
      systemOverrides: { 'dgx-h100': { memoryEfficiency: 0.9 } },
    })
  })
})
