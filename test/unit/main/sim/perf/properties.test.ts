import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { forwardOperators } from '../../../../../main/sim/models/operators'
import { MODEL_PRESETS, MODEL_PRESET_IDS } from '../../../../../main/sim/models/presets'
import { kernelsFor } from '../../../../../main/sim/perf/kernels'
import { rooflineTime } from '../../../../../main/sim/perf/roofline'

const shapes = fc.record({
  model: fc.constantFrom(...MODEL_PRESET_IDS),
  batch: fc.integer({ min: 1, max: 64 }),
  newTokens: fc.integer({ min: 1, max: 2048 }),
  pastTokens: fc.integer({ min: 0, max: 4096 }),
  chips: fc.constantFrom(1, 2, 4, 8),
})

const traffic = (ops: ReturnType<typeof forwardOperators>, mode: Parameters<typeof kernelsFor>[1], chips: number) =>
  kernelsFor(ops, mode, chips).reduce((sum, k) => sum + k.bytesPerChip * k.repeat, 0)

describe('model properties', () => {
  it('fusing never adds HBM traffic: dataflow ≤ GPU-stack fusion ≤ unfused', () => {
    fc.assert(
      fc.property(shapes, ({ model, batch, newTokens, pastTokens, chips }) => {
        const ops = forwardOperators(MODEL_PRESETS[model], { batch, newTokens, pastTokens, logitTokens: 1 }, 2)
        const unfused = traffic(ops, 'unfused', chips)
        const kernelFused = traffic(ops, 'kernelFused', chips)
        const dataflow = traffic(ops, 'fusedHO', chips)
        expect(kernelFused).toBeLessThanOrEqual(unfused * (1 + 1e-12))
        expect(dataflow).toBeLessThanOrEqual(kernelFused * (1 + 1e-12))
      }),
      { numRuns: 200 },
    )
  })

  it('more bandwidth never makes an operator slower, and a memory-bound one strictly faster', () => {
    fc.assert(
      fc.property(
        shapes,
        fc.double({ min: 1e11, max: 1e13, noNaN: true }),
        fc.double({ min: 1.01, max: 10, noNaN: true }),
        (shape, bandwidth, factor) => {
          const ops = forwardOperators(MODEL_PRESETS[shape.model], { ...shape, logitTokens: 1 }, 2)
          for (const op of ops) {
            const slow = rooflineTime(op, { flopsPerSecond: 1e15, bytesPerSecond: bandwidth })
            const fast = rooflineTime(op, { flopsPerSecond: 1e15, bytesPerSecond: bandwidth * factor })
            expect(fast.seconds).toBeLessThanOrEqual(slow.seconds)
            if (slow.memorySeconds > slow.computeSeconds) expect(fast.seconds).toBeLessThan(slow.seconds)
          }
        },
      ),
      { numRuns: 100 },
    )
  })
})
