import { describe, expect, it } from 'vitest'
import {
  addSample,
  elapsedSeconds,
  estimateRemainingSeconds,
  formatClock,
  remainingLabel,
} from '../../../../renderer/src/viewModels/activeRuns'

describe('progress samples', () => {
  it('keeps only forward progress, and at most the newest `max`', () => {
    let samples = addSample([], { at: 0, progress: 0 })
    samples = addSample(samples, { at: 100, progress: 0 }) // no movement
    samples = addSample(samples, { at: 200, progress: 0.1 })
    samples = addSample(samples, { at: 300, progress: 0.05 }) // a regression
    expect(samples).toEqual([
      { at: 0, progress: 0 },
      { at: 200, progress: 0.1 },
    ])
    expect(addSample(samples, { at: 400, progress: 0.2 }, 2)).toEqual([
      { at: 200, progress: 0.1 },
      { at: 400, progress: 0.2 },
    ])
  })
})

describe('time left', () => {
  it.each([
    // fewer than two samples: estimating
    [[], 0, null],
    [[{ at: 1000, progress: 0.1 }], 1000, null],
    // 0.1 → 0.3 in 4 s: 0.05/s; 0.7 left → 14 s, at the last sample
    [
      [
        { at: 1000, progress: 0.1 },
        { at: 5000, progress: 0.3 },
      ],
      5000,
      14,
    ],
    // the same, 2.5 s after the last sample: 14 − 2.5 = 11.5 s
    [
      [
        { at: 1000, progress: 0.1 },
        { at: 5000, progress: 0.3 },
      ],
      7500,
      11.5,
    ],
    // rate from first to last of three: 0 → 0.5 in 10 s = 0.05/s; 0.5 left → 10 s
    [
      [
        { at: 0, progress: 0 },
        { at: 2000, progress: 0.4 },
        { at: 10000, progress: 0.5 },
      ],
      10000,
      10,
    ],
    // long overdue: never below zero
    [
      [
        { at: 0, progress: 0 },
        { at: 1000, progress: 0.5 },
      ],
      60000,
      0,
    ],
    // two samples at the same instant give no rate
    [
      [
        { at: 1000, progress: 0.1 },
        { at: 1000, progress: 0.2 },
      ],
      1000,
      null,
    ],
  ])('samples %j at %i ms leave %s s', (samples, now, expected) => {
    const remaining = estimateRemainingSeconds(samples, now)
    if (expected === null) expect(remaining).toBeNull()
    else expect(remaining).toBeCloseTo(expected, 9)
  })

  it('says "estimating…" until there is an estimate', () => {
    expect(remainingLabel(null)).toBe('estimating…')
    expect(remainingLabel(14)).toBe('~0:14 left')
  })
})

describe('elapsed time', () => {
  const created = '2026-01-01T10:00:00.000Z'
  const started = '2026-01-01T10:00:05.000Z'
  const at = (iso: string) => Date.parse(iso)

  it.each([
    // running: since it started, 10:00:05 → 10:01:17 = 72 s
    ['running', started, at('2026-01-01T10:01:17.000Z'), 72],
    // queued: since it was created, 10:00:00 → 10:00:03 = 3 s
    ['queued', null, at('2026-01-01T10:00:03.000Z'), 3],
    // running without a start time yet: since created
    ['running', null, at('2026-01-01T10:00:02.500Z'), 2.5],
    // a clock behind the server's: never negative
    ['running', started, at('2026-01-01T10:00:00.000Z'), 0],
  ] as const)('%s, started %s: %s s', (status, startedAt, now, expected) => {
    expect(elapsedSeconds({ status, createdAt: created, startedAt }, now)).toBe(expected)
  })
})

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [7.4, '0:07'],
    [59.6, '1:00'],
    [750, '12:30'],
    [3723, '1:02:03'],
    [-5, '0:00'],
    [Number.NaN, '0:00'],
  ])('%s s reads %s', (seconds, text) => {
    expect(formatClock(seconds)).toBe(text)
  })
})
