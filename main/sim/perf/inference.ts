import type { ResolvedSystem } from '../assumptions'
import { MODEL_PRESETS } from '../models/presets'
import { forwardOperators, kvCacheBytesPerSequence, kvReplication, type ForwardShape } from '../models/operators'
import type { ModelSpec } from '../models/schema'
import { parameterCount } from '../models/schema'
import type { PhaseTiming, SystemResult } from '../result'
import type { Scenario } from '../scenario/schema'
import { BYTES_PER_ELEMENT } from '../units'
import { PhaseAccumulator } from './phase'
import type { PassCollectives } from './passTime'

/** Called after each decode step with the steps done so far. */
export type StepListener = (stepsDone: number) => void

/** Tensor-parallel traffic of one forward pass: the residual stream after attention and after the MLP, and the logits. */
export function forwardCollectives(model: ModelSpec, shape: ForwardShape, bytesPerElement: number): PassCollectives {
  const rows = shape.batch * shape.newTokens
  return {
    allReduces: model.layers.value * (model.parallelBlocks ? 1 : 2),
    allReduceBytes: rows * model.hidden.value * bytesPerElement,
    allGatherBytes: shape.batch * shape.logitTokens * model.vocab.value * bytesPerElement,
  }
}

/** Adds one forward pass at `shape` to a phase. */
export function addForwardPass(
  phase: PhaseAccumulator,
  model: ModelSpec,
  shape: ForwardShape,
  bytesPerElement: number,
): void {
  phase.add(
    forwardOperators(model, shape, bytesPerElement),
    forwardCollectives(model, shape, bytesPerElement),
    shape.batch,
  )
}

export interface GenerationTiming {
  prefill: PhaseTiming
  decode: PhaseTiming
  steps: number
}

/** Prefill of `promptTokens` then `outputTokens − 1` decode steps (prefill yields the first token). */
export function generate(
  system: ResolvedSystem,
  model: ModelSpec,
  workload: { batch: number; promptTokens: number; outputTokens: number },
  options: { bytesPerElement: number; logitsForLastTokenOnly: boolean; onStep?: StepListener },
): GenerationTiming {
  const { batch, promptTokens, outputTokens } = workload
  const e = options.bytesPerElement
  const prefill = new PhaseAccumulator(system)
  const logitTokens = options.logitsForLastTokenOnly ? 1 : promptTokens
  addForwardPass(prefill, model, { batch, newTokens: promptTokens, pastTokens: 0, logitTokens }, e)
  const decode = new PhaseAccumulator(system)
  const steps = outputTokens - 1
  for (let step = 0; step < steps; step++) {
    addForwardPass(decode, model, { batch, newTokens: 1, pastTokens: promptTokens + step, logitTokens: 1 }, e)
    options.onStep?.(step + 1)
  }
  return { prefill: prefill.result(), decode: decode.result(), steps }
}

/**
 * Prefill and decode of one scenario's workload on one system, the model split over
 * `system.chips` chips by tensor parallelism, in the system's execution mode.
 */
export function simulateInference(
  system: ResolvedSystem,
  scenario: Scenario,
  onStep: StepListener = () => {},
): SystemResult {
  const { workload, assumptions } = scenario
  const model = MODEL_PRESETS[workload.model]
  const e = BYTES_PER_ELEMENT[workload.precision]
  const { chip } = system.spec
  const weightBytes = parameterCount(model) * e * (1 - model.weightSparsity.value)
  const tokens = workload.promptTokens + workload.outputTokens
  const kvCacheBytes = workload.batch * kvCacheBytesPerSequence(model, tokens, e) * kvReplication(model, system.chips)
  const memory = {
    weightBytes,
    kvCacheBytes,
    requiredBytes: weightBytes + kvCacheBytes,
    hbmBytes: system.chips * chip.hbmBytes.value,
  }
  const base = {
    systemId: system.spec.id,
    systemName: system.spec.name,
    chips: system.chips,
    mode: system.mode,
    stackId: system.stack,
    achievablePerChip: {
      flopsPerSecond: chip.peakFlops.value * system.computeEfficiency,
      bytesPerSecond: chip.hbmBandwidth.value * system.memoryEfficiency,
    },
    memory,
  }
  if (memory.requiredBytes > memory.hbmBytes) {
    const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`
    const chips = `${system.chips} chip${system.chips === 1 ? '' : 's'}`
    const message = `out of memory: weights and KV cache need ${gb(memory.requiredBytes)} of HBM; the system has ${gb(memory.hbmBytes)} on ${chips}`
    return { ...base, status: 'outOfMemory', message, prefill: null, decode: null, metrics: null }
  }
  const { prefill, decode, steps } = generate(system, model, workload, {
    bytesPerElement: e,
    logitsForLastTokenOnly: assumptions.logitsForLastTokenOnly,
    onStep,
  })
  const totalSeconds = prefill.seconds + decode.seconds
  const metrics = {
    timeToFirstTokenSeconds: prefill.seconds,
    timePerOutputTokenSeconds: steps > 0 ? decode.seconds / steps : 0,
    totalSeconds,
    outputTokensPerSecond: (workload.batch * workload.outputTokens) / totalSeconds,
  }
  return { ...base, status: 'ok', message: null, prefill, decode, metrics }
}
