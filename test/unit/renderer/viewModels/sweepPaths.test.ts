import { describe, expect, it } from 'vitest'
import { isIntegerPath, sweepPathOptions } from '../../../../renderer/src/viewModels/sweepPaths'

describe('sweep path choices', () => {
  it('offers each system its overridable figures, whole-number ones flagged, with stored units named', () => {
    const options = sweepPathOptions(['dgx-h100'])
    expect(options).toContainEqual(
      expect.objectContaining({ path: 'systemOverrides.dgx-h100.chips', label: 'dgx-h100: chips', integer: true }),
    )
    expect(options).toContainEqual(
      expect.objectContaining({
        path: 'systemOverrides.dgx-h100.copyBandwidth',
        label: 'dgx-h100: copy bandwidth, B/s',
      }),
    )
    expect(options.find((option) => option.path === 'serving.cachePolicy')?.choices).toEqual(
      expect.arrayContaining(['lru', 'belady']),
    )
    expect(options.find((option) => option.path === 'workload.precision')?.choices).toEqual([
      'bf16',
      'fp16',
      'fp8',
      'int8',
    ])
  })

  it.each([
    ['systemOverrides.dgx-h100.chips', true],
    ['systemOverrides.dgx-h100.memoryEfficiency', false],
    ['systemOverrides.dgx-h100.nope', false],
    ['workload.batch', true],
    ['serving.locality', false],
    ['workload.speculative.proposedTokens', true],
    ['workload.speculative.acceptanceRate', false],
  ])('%s takes whole numbers only: %s', (path, integer) => {
    expect(isIntegerPath(path)).toBe(integer)
  })
})
