import { describe, expect, it } from 'vitest'
import { comparisonHtml } from '../../../../main/report/html'
import { runMetrics } from '../../../../main/report/metrics'
import type { ComparisonInput } from '../../../../main/report/types'
import type { RunDetailDto } from '../../../../contract/api'
import { detail, okSystem } from '../../renderer/fixtures'
import { speculativeSystem } from '../../contract/speculativeFixtures'

const input = (runs: RunDetailDto[]): ComparisonInput => ({
  title: 'test',
  generatedAt: '2024-01-01T00:00:00.000Z',
  appVersion: '0.1.0',
  simulatorVersion: '0.1.0',
  runs,
  baselineRunId: runs[0]!.id,
  systems: [],
})

describe('the comparison report of a speculative run', () => {
  const speculative = detail(1, [speculativeSystem('dgx-h100', 'DGX H100')])
  const plain = detail(2, [okSystem('dgx-h100', 'DGX H100', 0.5, 3.5)])

  it('has a row per share, for the run that decoded speculatively only', () => {
    const rows = [...runMetrics(speculative), ...runMetrics(plain)].filter((row) =>
      row.metric.includes('share of time'),
    )
    expect(rows.map((row) => [row.runId, row.metric, row.value, row.unit])).toEqual([
      [1, 'Draft model share of time', 0.25, 'fraction'],
      [1, 'Target model share of time', 0.75, 'fraction'],
    ])
  })

  it('shows how each speculative run’s time splits, in a section of its own', () => {
    const html = comparisonHtml(input([speculative, plain]))
    expect(html).toContain('<h2>Speculative decoding</h2>')
    expect(html).toContain('<td>dgx-h100</td><td>llama3.1-8b</td><td>k = 4, α = 0.8</td>')
    expect(html).toContain('<td>25.0%</td><td>75.0%</td>')
  })

  it('has no such section when no run decoded speculatively', () => {
    expect(comparisonHtml(input([plain]))).not.toContain('Speculative decoding')
  })
})
