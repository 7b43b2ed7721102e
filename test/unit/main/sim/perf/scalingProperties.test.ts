import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { resolveSpec, type ResolvedSystem } from '../../../../../main/sim/assumptions'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import type { SystemSpec } from '../../../../../main/sim/hardware/schema'
import { forwardOperators, type ForwardShape } from '../../../../../main/sim/models/operators'
import { MODEL_PRESETS } from '../../../../../main/sim/models/presets'
import { forwardCollectives } from '../../../../../main/sim/perf/inference'
import { passTime, totalSeconds } from '../../../../../main/sim/perf/passTime'
import type { SystemOverride } from '../../../../../main/sim/scenario/schema'
import type { StackId } from '../../../../../main/sim/stacks/registry'

const scenario = { assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' as const } }
const MODELS = ['llama2-7b', 'llama3.1-8b', 'llama2-70b', 'llama3.1-70b'] as const
type ModelId = (typeof MODELS)[number]

/** One forward pass of `model` at `shape` on `system`, in seconds. */
function pass(system: ResolvedSystem, model: ModelId, shape: ForwardShape): number {
  const spec = MODEL_PRESETS[model]
  return totalSeconds(
    passTime(forwardOperators(spec, shape, 2), forwardCollectives(spec, shape, 2), shape.batch, system).breakdown,
  )
}

const decodeStep = (batch: number, pastTokens: number): ForwardShape => ({
  batch,
  newTokens: 1,
  pastTokens,
  logitTokens: 1,
})
type PresetId = keyof typeof SYSTEM_PRESETS
const on = (id: PresetId, override: SystemOverride = {}): ResolvedSystem =>
  resolveSpec(SYSTEM_PRESETS[id], scenario, override)

describe('scaling properties of the pass model', () => {
  // NCCL picks a latency-bound protocol for decode-sized messages (LL: +0.6 µs a step), so
  // doubling the GPUs halves each one's weights and adds little to the all-reduces.
  it.each(['dgx-a100', 'dgx-h100', 'dgx-h200'] as const)(
    'batch-1 decode on %s is not slower at TP8 than at TP4',
    (id) => {
      const stacks: (StackId | undefined)[] = [undefined, 'trtllm-2024', 'ideal']
      for (const stack of stacks)
        for (const model of MODELS) {
          const tp4 = pass(on(id, { chips: 4, stack }), model, decodeStep(1, 128))
          const tp8 = pass(on(id, { chips: 8, stack }), model, decodeStep(1, 128))
          expect(tp8, `${model} on ${stack ?? 'its default stack'}`).toBeLessThanOrEqual(tp4)
        }
    },
  )

  // Halving-doubling over the P2P links: 2⌈log₂ n⌉ exchanges, 6 on 8 sockets, 8 on 16.
  it('batch-1 decode on 16 SN40L sockets is not slower than on 8', () => {
    for (const model of MODELS) {
      const eight = pass(on('sn40l-node'), model, decodeStep(1, 128))
      const sixteen = pass(on('sn40l-node-16'), model, decodeStep(1, 128))
      expect(sixteen, model).toBeLessThanOrEqual(eight)
    }
  })

  const cases = fc.record({
    system: fc.constantFrom<PresetId[]>('dgx-a100', 'dgx-h100', 'mi300x-platform', 'sn40l-node'),
    model: fc.constantFrom(...MODELS),
    batch: fc.integer({ min: 1, max: 64 }),
    newTokens: fc.constantFrom(1, 1, 128, 2048),
    pastTokens: fc.integer({ min: 0, max: 4096 }),
    chips: fc.constantFrom(1, 2, 4, 8),
  })
  const shapeOf = (c: { batch: number; newTokens: number; pastTokens: number }): ForwardShape => ({
    batch: c.batch,
    newTokens: c.newTokens,
    pastTokens: c.pastTokens,
    logitTokens: 1,
  })

  it('more HBM bandwidth never slows a pass', () => {
    fc.assert(
      fc.property(cases, fc.double({ min: 1.01, max: 4, noNaN: true }), (c, factor) => {
        const spec = SYSTEM_PRESETS[c.system]
        const faster: SystemSpec = {
          ...spec,
          chip: {
            ...spec.chip,
            hbmBandwidth: { ...spec.chip.hbmBandwidth, value: spec.chip.hbmBandwidth.value * factor },
          },
        }
        const base = pass(resolveSpec(spec, scenario, { chips: c.chips }), c.model, shapeOf(c))
        const more = pass(resolveSpec(faster, scenario, { chips: c.chips }), c.model, shapeOf(c))
        expect(more).toBeLessThanOrEqual(base * (1 + 1e-12))
      }),
      { numRuns: 150 },
    )
  })

  const OVERHEADS = [
    'hostKernelOverhead',
    'onChipKernelOverhead',
    'stepOverhead',
    'sequenceStepOverhead',
    'collectiveLatency',
    'kernelRamp',
  ] as const

  it('a stack with lower overheads is never slower', () => {
    fc.assert(
      fc.property(
        cases,
        fc.constantFrom(...OVERHEADS),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (c, key, cut) => {
          const system = on(c.system, { chips: c.chips })
          const leaner = on(c.system, { chips: c.chips, [key]: system[key] * cut })
          expect(pass(leaner, c.model, shapeOf(c))).toBeLessThanOrEqual(pass(system, c.model, shapeOf(c)) * (1 + 1e-12))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('higher achievable efficiencies are never slower', () => {
    fc.assert(
      fc.property(cases, fc.constantFrom('computeEfficiency', 'attentionEfficiency', 'memoryEfficiency'), (c, key) => {
        const system = on(c.system, { chips: c.chips })
        const better = on(c.system, { chips: c.chips, [key]: Math.min(1, system[key] * 1.1) })
        expect(pass(better, c.model, shapeOf(c))).toBeLessThanOrEqual(pass(system, c.model, shapeOf(c)) * (1 + 1e-12))
      }),
      { numRuns: 100 },
    )
  })
})
