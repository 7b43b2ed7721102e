import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import type { RunDetailDto } from '../../../../contract/api'
import { metricsCsv } from '../../../../main/report/csv'
import { formatValue } from '../../../../main/report/format'
import { comparisonHtml } from '../../../../main/report/html'
import { comparisonJson } from '../../../../main/report/json'
import { runMetrics } from '../../../../main/report/metrics'
import { kvCapacityRun } from '../fixtures/kvCapacityRun'

const run = (): RunDetailDto => kvCapacityRun()

const detail = run()
const input = {
  title: 'KV',
  generatedAt: '2026-01-01T00:00:00.000Z',
  appVersion: '0.1.0',
  simulatorVersion: detail.simulatorVersion,
  runs: [detail],
  baselineRunId: 1,
  systems: [],
}

describe('the report’s KV capacity rows', () => {
  it('carry each system’s capacity, the refused system’s too', () => {
    expect(detail.result!.systems.map((s) => s.status)).toEqual(['outOfMemory', 'ok'])
    const kv = runMetrics(detail).filter((row) => /KV capacity|at this (context|batch)/.test(row.metric))
    expect(kv.map(({ system, metric, value, unit }) => [system, metric, value, unit])).toEqual([
      ['sn40l-node', 'KV capacity', 985_249, 'tokens'],
      ['sn40l-node', 'Largest batch at this context', 240, 'sequences'],
      ['sn40l-node', 'Longest context at this batch', 3284, 'tokens'], // ⌊985,249 / 300⌋
      ['dgx-h100', 'KV capacity', 1_336_812, 'tokens'],
      ['dgx-h100', 'Largest batch at this context', 326, 'sequences'],
      ['dgx-h100', 'Longest context at this batch', 4456, 'tokens'], // ⌊1,336,812 / 300⌋
    ])
  })

  it('print in HTML, CSV and JSON', () => {
    const html = comparisonHtml(input)
    expect(formatValue(1_336_812, 'tokens')).toBe('1.337 M tokens')
    expect(html).toContain('Largest batch at this context')
    expect(html).toContain('1.337 M tokens')
    expect(html).toContain('326 sequences')
    const csv = parse(metricsCsv(runMetrics(detail)), { columns: true }) as Record<string, string>[]
    expect(csv).toContainEqual({
      run_id: '1',
      label: 'kv capacity',
      system: 'sn40l-node',
      metric: 'KV capacity',
      value: '985249',
      unit: 'tokens',
    })
    const json = JSON.parse(comparisonJson(input)) as { metrics: { system: string; metric: string; value: number }[] }
    expect(json.metrics).toContainEqual(
      expect.objectContaining({ system: 'dgx-h100', metric: 'Largest batch at this context', value: 326 }),
    )
  })

  it('are left out for a result stored before the capacity was recorded', () => {
    const old = structuredClone(detail)
    for (const system of old.result!.systems) delete system.memory.kvCapacity
    expect(runMetrics(old).some((row) => row.metric === 'KV capacity')).toBe(false)
    expect(runMetrics(old).some((row) => row.metric === 'Memory required')).toBe(true)
  })
})
