import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolveSpec, resolveSystem } from '../../../../../main/sim/assumptions'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import { MODEL_PRESETS, MODEL_PRESET_IDS } from '../../../../../main/sim/models/presets'
import { modelBytes } from '../../../../../main/sim/perf/coeCall'
import { simulateInference } from '../../../../../main/sim/perf/inference'
import { ScenarioSchema, type ScenarioInput } from '../../../../../main/sim/scenario/schema'
import { simulate } from '../../../../../main/sim/simulate'
import type { Precision } from '../../../../../main/sim/precision'
import type { PhaseTiming } from '../../../../../main/sim/result'
import { servedScenario } from '../fixtures/servedScenario'

/** One chip, unfused kernels with no call or host overhead: the bare roofline of every operator. */
const bareRoofline = {
  chips: 1,
  mode: 'unfused',
  hostKernelOverhead: 0,
  onChipKernelOverhead: 0,
  stepOverhead: 0,
  sequenceStepOverhead: 0,
} as const

type Workload = ScenarioInput['workload']

/** A phase's time on the bare roofline: each operator alone, max(compute, memory), no fixed costs. */
const roofline = (phase: PhaseTiming) =>
  phase.operators.reduce((sum, op) => sum + Math.max(op.computeSeconds, op.memorySeconds), 0)

function run(system: string, precision: Precision, workload: Partial<Workload> = {}, override: object = bareRoofline) {
  const scenario = ScenarioSchema.parse({
    name: 'precision',
    systems: [system],
    workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 2, ...workload, precision },
    systemOverrides: { [system]: override },
  })
  return simulateInference(resolveSystem(system, scenario), scenario)
}

describe('precision in the model', () => {
  it('halves Llama-2-7B’s weight and KV bytes at 8 bits', () => {
    // 6,738,415,616 parameters × 2 bytes (BF16) and × 1 byte (FP8).
    expect(modelBytes(MODEL_PRESETS['llama2-7b'], 2)).toBe(13_476_831_232)
    const bf16 = run('dgx-h100', 'bf16').memory
    const fp8 = run('dgx-h100', 'fp8').memory
    expect(bf16.weightBytes).toBe(13_476_831_232)
    expect(fp8.weightBytes).toBe(6_738_415_616)
    expect(fp8.kvCacheBytes).toBe(bf16.kvCacheBytes / 2)
  })

  it('runs a batch-1 decode step on one H100 faster at FP8: on the roofline, twice as fast', () => {
    const bf16 = run('dgx-h100', 'bf16').decode!
    const fp8 = run('dgx-h100', 'fp8').decode!
    expect(fp8.bytes).toBe(bf16.bytes / 2)
    // Every operator is memory-bound at both (intensity ~1 and ~2 FLOP/byte, ridges ~364 and ~729).
    expect(fp8.operators.every((op) => op.boundBy === 'memory')).toBe(true)
    expect(roofline(fp8) / roofline(bf16)).toBeCloseTo(0.5, 12)
    // Per-kernel fixed costs do not shrink with the bytes.
    expect(fp8.seconds).toBeLessThan(bf16.seconds)
    expect(fp8.seconds).toBeGreaterThanOrEqual(bf16.seconds / 2)
  })

  it('runs a compute-bound prefill on one H100 faster by about the peak ratio, 1979 / 989 TFLOP/s', () => {
    const workload = { batch: 4, promptTokens: 2048 }
    const bf16 = run('dgx-h100', 'bf16', workload)
    const fp8 = run('dgx-h100', 'fp8', workload)
    const peakRatio = 1979 / 989
    expect(fp8.achievablePerChip.flopsPerSecond / bf16.achievablePerChip.flopsPerSecond).toBeCloseTo(peakRatio, 12)
    const compute = (phase: PhaseTiming) => phase.operators.reduce((sum, op) => sum + op.computeSeconds, 0)
    expect(compute(bf16.prefill!) / compute(fp8.prefill!)).toBeCloseTo(peakRatio, 12)
    // The memory-bound operators' bytes halve, a ratio of 2 against 2.001: the whole is within both.
    const speedup = roofline(bf16.prefill!) / roofline(fp8.prefill!)
    expect(speedup).toBeGreaterThanOrEqual(2 - 1e-9)
    expect(speedup).toBeLessThanOrEqual(peakRatio + 1e-9)
    const whole = bf16.prefill!.seconds / fp8.prefill!.seconds
    expect(whole).toBeGreaterThan(1.9)
    expect(whole).toBeLessThanOrEqual(peakRatio + 1e-9)
  })

  it('runs FP16 at the chip’s FP16 peak, and INT8 on the A100, which has it', () => {
    const fp16 = run('dgx-h100', 'fp16', { batch: 4, promptTokens: 2048 })
    expect(fp16.achievablePerChip.flopsPerSecond).toBeCloseTo(989.4e12 * resolveSystemOf('dgx-h100').computeEfficiency)
    const int8 = run('dgx-a100', 'int8', { batch: 4, promptTokens: 2048 })
    expect(int8.status).toBe('ok')
    expect(int8.achievablePerChip.flopsPerSecond).toBeCloseTo(624e12 * resolveSystemOf('dgx-a100').computeEfficiency)
  })

  it('never slows a memory-bound decode by halving the bytes, whatever the model, system or chips', () => {
    const pairs = [
      ['dgx-h100', 'fp8'],
      ['dgx-h200', 'fp8'],
      ['mi300x-platform', 'fp8'],
      ['mi300x-platform', 'int8'],
      ['dgx-a100', 'int8'],
    ] as const
    fc.assert(
      fc.property(
        fc.constantFrom(...MODEL_PRESET_IDS),
        fc.constantFrom(...pairs),
        fc.constantFrom(1, 2, 4, 8),
        fc.integer({ min: 16, max: 1024 }),
        (model, [system, precision], chips, promptTokens) => {
          fc.pre(MODEL_PRESETS[model].heads.value % chips === 0)
          fc.pre(promptTokens + 2 <= MODEL_PRESETS[model].contextWindow.value)
          // The system's own stack and mode, its overheads included.
          const wide = run(system, 'bf16', { model, promptTokens }, { chips })
          fc.pre(wide.status === 'ok')
          const narrow = run(system, precision, { model, promptTokens }, { chips })
          expect(narrow.decode!.seconds).toBeLessThanOrEqual(wide.decode!.seconds * (1 + 1e-12))
        },
      ),
      { numRuns: 60 },
    )
  })

  it('serves experts at the workload’s precision: an 8-bit expert takes half the HBM', () => {
    const base = servedScenario('fp8')
    const at = (precision: Precision) =>
      simulate({ ...base, systems: ['dgx-h100'], workload: { ...base.workload, precision } }).serving![0]!
    const bf16 = at('bf16')
    const fp8 = at('fp8')
    expect(fp8.residentSlots).toBeGreaterThan(bf16.residentSlots)
  })

  it('never runs a chip at a precision it lacks: resolving one throws the refusal', () => {
    const scenario = { assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' as const } }
    expect(resolveSpec(SYSTEM_PRESETS['dgx-h100'], scenario).peakFlops).toBe(989e12)
    expect(() => resolveSpec(SYSTEM_PRESETS['dgx-a100'], { ...scenario, workload: { precision: 'fp8' } })).toThrow(
      /dgx-a100: the A100 .* has no FP8 peak/,
    )
  })
})

function resolveSystemOf(id: string) {
  const scenario = ScenarioSchema.parse({
    name: 'x',
    systems: [id],
    workload: { model: 'llama2-7b', batch: 1, promptTokens: 1, outputTokens: 1 },
  })
  return resolveSystem(id, scenario)
}
