import { describe, expect, it } from 'vitest'
import { SPECULATIVE_COLUMNS, speculativeTable } from '../../../contract/speculativePresentation'
import { METRIC, SPECULATIVE_METRIC_NAMES, metricsIn, readMetric } from '../../../main/sim/registries'
import { okSystem, outOfMemorySystem } from '../renderer/fixtures'
import { speculativeSystem } from './speculativeFixtures'

describe('the speculative shares', () => {
  it('are registry metrics of the report and the result lists, read from the split', () => {
    expect(SPECULATIVE_METRIC_NAMES).toEqual(['speculativeDraftShare', 'speculativeTargetShare'])
    for (const name of SPECULATIVE_METRIC_NAMES) {
      expect(metricsIn('report')).toContain(name)
      expect(metricsIn('result')).toContain(name)
      expect(METRIC[name].unit).toBe('fraction')
    }
    const system = speculativeSystem('dgx-h100', 'DGX H100')
    expect(readMetric('speculativeDraftShare', system, undefined)).toBe(0.25)
    expect(readMetric('speculativeTargetShare', system, undefined)).toBe(0.75)
  })

  it('are null for a system without speculative decoding, as every result stored before it', () => {
    const old = okSystem('dgx-h100', 'DGX H100', 0.5, 3.5)
    expect(Object.hasOwn(old, 'speculative')).toBe(false)
    for (const name of SPECULATIVE_METRIC_NAMES) expect(readMetric(name, old, undefined)).toBeNull()
  })
})

describe('speculativeTable', () => {
  it('writes each speculative system’s draft, settings, steps and the split of its time', () => {
    const table = speculativeTable([
      speculativeSystem('dgx-h100', 'DGX H100'),
      okSystem('dgx-a100', 'DGX A100', 0.5, 3.5),
    ])!
    expect(table.columns.map((column) => column.header)).toEqual([
      'Draft',
      'k, α',
      'Tokens per target pass',
      'Target passes',
      'Draft time',
      'Target time',
      'Draft model share of time',
      'Target model share of time',
    ])
    expect(table.rows).toEqual([
      {
        systemId: 'dgx-h100',
        systemName: 'DGX H100',
        cells: ['llama3.1-8b', 'k = 4, α = 0.8', '3.36', '38', '1.000 s', '3.000 s', '25.0%', '75.0%'],
      },
    ])
    expect(table.caption).toMatch(/docs\/MODEL\.md §4\.1/)
    for (const column of SPECULATIVE_COLUMNS) expect(column.how.trim()).not.toBe('')
  })

  it('is null where no system decoded speculatively: off, out of memory, or stored before it existed', () => {
    expect(speculativeTable([okSystem('dgx-h100', 'DGX H100', 0.5, 3.5)])).toBeNull()
    expect(speculativeTable([outOfMemorySystem('dgx-a100', 'DGX A100')])).toBeNull()
    expect(speculativeTable([])).toBeNull()
  })
})
