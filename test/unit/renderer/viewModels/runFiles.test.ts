import { describe, expect, it } from 'vitest'
import {
  bundleFileName,
  deletedSummary,
  importSummary,
  parseBundleText,
} from '../../../../renderer/src/viewModels/runFiles'

describe('run bundle files', () => {
  it.each([
    [[7], 'memwall-runs-7.json'],
    [[9, 3, 7], 'memwall-runs-3-7-9.json'],
    [Array.from({ length: 12 }, (_, i) => 20 - i), 'memwall-runs-9-to-20-12-runs.json'],
  ])('names the file after the runs %j', (ids, expected) => {
    expect(bundleFileName(ids)).toBe(expected)
  })

  it('parses a bundle file', () => {
    expect(parseBundleText('a.json', '{"format":"memwall-run-bundle"}')).toEqual({
      ok: true,
      value: { format: 'memwall-run-bundle' },
    })
  })

  it('says which file is not JSON', () => {
    const parsed = parseBundleText('notes.json', '{ not json')
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.message).toMatch(/^notes\.json is not a run bundle: it is not valid JSON \(.+\)\.$/)
  })

  it.each([
    [2, 1, 'Imported 2 runs, 1 duplicate'],
    [1, 0, 'Imported 1 run, 0 duplicates'],
    [0, 3, 'Imported 0 runs, 3 duplicates'],
  ])('sums up an import of %i new and %i duplicate runs', (imported, duplicates, expected) => {
    const report = {
      imported: Array.from({ length: imported }, (_, i) => ({ bundleIndex: i, runId: 10 + i })),
      duplicates: Array.from({ length: duplicates }, (_, i) => ({ bundleIndex: imported + i, existingRunId: i + 1 })),
    }
    expect(importSummary(report)).toBe(expected)
  })

  it.each([
    [[4], 'Deleted 1 run'],
    [[4, 5, 6], 'Deleted 3 runs'],
  ])('sums up a deletion of %j', (ids, expected) => {
    expect(deletedSummary(ids)).toBe(expected)
  })
})
