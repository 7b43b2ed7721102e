import { describe, expect, it } from 'vitest'
import { formatImport, formatReplay, MAX_CHANGE_LINES, percent } from '../../../../main/cli/replayFormat'
import type { MetricChange, ReplayReportDto, RunResult } from '../../../../contract/api'

function report(changes: MetricChange[], overrides: Partial<ReplayReportDto> = {}): ReplayReportDto {
  const stamp = { simulatorVersion: '0.2.0', scenarioHash: 'a'.repeat(64), seed: 3 }
  return {
    runId: 7,
    reproduced: changes.length === 0,
    original: stamp,
    replay: stamp,
    causes: changes.length === 0 ? [] : [{ kind: 'unexplained', detail: 'nobody knows' }],
    changes,
    changeCount: changes.length,
    keptRunId: null,
    originalResult: {} as RunResult,
    replayResult: {} as RunResult,
    ...overrides,
  }
}

const change = (index: number): MetricChange => ({
  path: `sweep.seeds[${index}]`,
  original: index,
  replay: index + 1,
  relativeChange: index === 0 ? null : 1 / index,
})

describe('formatReplay', () => {
  it('says a reproduced run in one line, and where a kept replay went', () => {
    expect(formatReplay(report([]))).toBe('run #7 reproduced (simulator 0.2.0, seed 3)')
    expect(formatReplay(report([], { keptRunId: 9 }))).toBe(
      'run #7 reproduced (simulator 0.2.0, seed 3)\nkept as run #9',
    )
  })

  it('prints at most 40 changes, then how many more, then the causes', () => {
    const changes = Array.from({ length: 45 }, (_, index) => change(index))
    const lines = formatReplay(report(changes)).split('\n')
    expect(lines[0]).toBe('run #7 did not reproduce: 45 change(s) (simulator 0.2.0, seed 3)')
    expect(lines[1]).toMatch(/^metric +original +replay +change$/)
    // seeds[0] 0 → 1 has no relative change; seeds[2] 2 → 3 is +50%
    expect(lines[2]).toMatch(/^sweep\.seeds\[0\] +0 +1 +—$/)
    expect(lines[4]).toMatch(/^sweep\.seeds\[2\] +2 +3 +\+50\.00%$/)
    expect(lines.slice(2 + MAX_CHANGE_LINES)).toEqual(['… and 5 more', 'likely causes:', '  - nobody knows'])
  })

  it('says when there was no stored result to compare', () => {
    const text = formatReplay(
      report([], {
        reproduced: false,
        originalResult: null,
        original: { simulatorVersion: '0.1.0', scenarioHash: 'a'.repeat(64), seed: 3 },
        causes: [{ kind: 'noStoredResult', detail: 'run 7 was failed' }],
      }),
    )
    expect(text).toBe(
      'run #7 has no stored result to compare: replayed afresh (simulator 0.1.0 → 0.2.0, seed 3)\nlikely causes:\n  - run 7 was failed',
    )
  })
})

describe('percent', () => {
  it.each([
    [null, '—'],
    [0, '0.00%'],
    [0.25, '+25.00%'],
    [-0.5, '-50.00%'],
    // 2.2e-16 × 100 = 2.2e-14 points: too small for two decimals
    [2.2e-16, '+2.20e-14%'],
  ])('%s → %s', (relativeChange, text) => {
    expect(percent(relativeChange)).toBe(text)
  })
})

describe('formatImport', () => {
  it('lists the new ids and the duplicates', () => {
    expect(
      formatImport({ imported: [{ bundleIndex: 1, runId: 12 }], duplicates: [{ bundleIndex: 0, existingRunId: 4 }] }),
    ).toBe(
      'imported 1 run(s):\n  bundle run 1 → run #12\nskipped 1 duplicate(s):\n  bundle run 0 is already stored as run #4',
    )
  })
})
