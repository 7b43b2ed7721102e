import { describe, expect, it } from 'vitest'
import type { SensitivityDto } from '../../../../../contract/api'
import {
  assumptionLabel,
  stepPercent,
  tornadoChartData,
  tornadoRows,
} from '../../../../../renderer/src/charts/mappers/sensitivityTornado'

// Baseline 2 s. Memory efficiency 0.8 → 0.64 / 0.96 moves it to 2.5 / 1.7 (swing 0.8);
// step overhead 1 ms → 0.8 / 1.2 ms moves it to 1.9 / 2.1 (swing 0.2). Given smallest first.
const sensitivity: SensitivityDto = {
  metric: 'totalSeconds',
  system: 'dgx-h100',
  step: 0.2,
  baseline: 2,
  bars: [
    {
      path: 'systemOverrides.dgx-h100.stepOverhead',
      baseValue: 0.001,
      low: { value: 0.0008, metric: 1.9 },
      high: { value: 0.0012, metric: 2.1 },
      swing: 0.2,
    },
    {
      path: 'systemOverrides.dgx-h100.memoryEfficiency',
      baseValue: 0.8,
      low: { value: 0.64, metric: 2.5 },
      high: { value: 0.96, metric: 1.7 },
      swing: 0.8,
    },
  ],
}

describe('the tornado mapping', () => {
  it('labels an override by system and figure, other paths as they are', () => {
    expect(assumptionLabel('systemOverrides.dgx-h100.memoryEfficiency')).toBe('dgx-h100 memoryEfficiency')
    expect(assumptionLabel('assumptions.attentionEfficiency')).toBe('assumptions.attentionEfficiency')
    expect(stepPercent(0.2)).toBe('20%')
    expect(stepPercent(0.125)).toBe('12.5%')
  })

  it('draws the largest swing first, each bar floating from the baseline to the moved metric', () => {
    const data = tornadoChartData(sensitivity, ['#111111', '#222222'])
    expect(data.labels).toEqual(['dgx-h100 memoryEfficiency', 'dgx-h100 stepOverhead'])
    expect(data.datasets.map((dataset) => dataset.label)).toEqual(['assumption −20%', 'assumption +20%'])
    expect(data.datasets[0]!.data).toEqual([
      [2, 2.5],
      [2, 1.9],
    ])
    expect(data.datasets[1]!.data).toEqual([
      [2, 1.7],
      [2, 2.1],
    ])
    expect(data.datasets[1]!.backgroundColor).toBe('#222222')
  })

  it('tabulates the same rows with changes relative to the baseline', () => {
    const rows = tornadoRows(sensitivity)
    expect(rows.map((row) => row.path)).toEqual([
      'systemOverrides.dgx-h100.memoryEfficiency',
      'systemOverrides.dgx-h100.stepOverhead',
    ])
    // (2.5 − 2) / 2 = +25%; (1.7 − 2) / 2 = −15%
    expect(rows[0]!.lowChange).toBeCloseTo(0.25, 12)
    expect(rows[0]!.highChange).toBeCloseTo(-0.15, 12)
    expect(rows[0]).toMatchObject({ baseValue: 0.8, lowValue: 0.64, highValue: 0.96, swing: 0.8 })
    expect(tornadoRows({ ...sensitivity, baseline: 0 })[0]!.lowChange).toBeNull()
  })
})
