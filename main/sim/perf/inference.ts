import type { ResolvedSystem } from '../assumptions'
import { MODEL_PRESETS } from '../models/presets'
import { forwardOperators, kvCacheBytesPerSequence, kvReplication, type ForwardShape } from '../models/operators'
import type { ModelSpec } from '../models/schema'
import type { PhaseTiming, SpeculativeTiming, SystemResult } from '../result'
import type { Scenario } from '../scenario/schema'
import { BYTES_PER_ELEMENT } from '../units'
import { kvCapacity, outOfMemoryMessage, weightBytes as modelWeightBytes } from './kvCapacity'
import { PhaseAccumulator } from './phase'
import type { PassCollectives } from './passTime'
import {
  combinePhases,
  draftFootprint,
  expectedTokensPerStep,
  speculativePasses,
  speculativeSteps,
  withDraft,
  type SpeculativeSettings,
} from './speculative'

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
 * Speculative decoding (docs/MODEL.md §4.1): both models prefill the prompt, then each step k
 * draft passes and one target pass over k + 1 tokens, as `speculativePasses` plans them. Each
 * phase holds both models' passes; `speculative` says how the time splits between them.
 */
export function generateSpeculative(
  system: ResolvedSystem,
  target: ModelSpec,
  workload: { batch: number; promptTokens: number; outputTokens: number },
  settings: SpeculativeSettings,
  options: { bytesPerElement: number; logitsForLastTokenOnly: boolean; onStep?: StepListener },
): GenerationTiming & { speculative: Omit<SpeculativeTiming, 'draftWeightBytes' | 'draftKvCacheBytes'> } {
  const models = { target, draft: MODEL_PRESETS[settings.draftModel] }
  const phases = {
    target: { prefill: new PhaseAccumulator(system), decode: new PhaseAccumulator(system) },
    draft: { prefill: new PhaseAccumulator(system), decode: new PhaseAccumulator(system) },
  }
  for (const pass of speculativePasses(workload, settings, options.logitsForLastTokenOnly)) {
    addForwardPass(phases[pass.model][pass.phase], models[pass.model], pass.shape, options.bytesPerElement)
    if (pass.tokensDone !== undefined) options.onStep?.(pass.tokensDone)
  }
  const [targetPrefill, targetDecode] = [phases.target.prefill.result(), phases.target.decode.result()]
  const [draftPrefill, draftDecode] = [phases.draft.prefill.result(), phases.draft.decode.result()]
  const steps = workload.outputTokens - 1
  const expected = expectedTokensPerStep(settings.proposedTokens, settings.acceptanceRate)
  return {
    prefill: combinePhases(targetPrefill, draftPrefill),
    decode: combinePhases(targetDecode, draftDecode),
    steps,
    speculative: {
      draftModel: settings.draftModel,
      proposedTokens: settings.proposedTokens,
      acceptanceRate: settings.acceptanceRate,
      expectedTokensPerStep: expected,
      steps: speculativeSteps(steps, expected),
      draftSeconds: draftPrefill.seconds + draftDecode.seconds,
      targetSeconds: targetPrefill.seconds + targetDecode.seconds,
    },
  }
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
  const e = BYTES_PER_ELEMENT[system.precision]
  const { chip } = system.spec
  // With speculative decoding the draft's weights and KV cache sit in HBM beside the target's.
  const draft = draftFootprint(system, workload)
  const weightBytes = modelWeightBytes(model, e) + (draft?.weightBytes ?? 0)
  const tokens = workload.promptTokens + workload.outputTokens
  const kvCacheBytes =
    workload.batch * kvCacheBytesPerSequence(model, tokens, e) * kvReplication(model, system.chips) +
    (draft?.kvCacheBytes ?? 0)
  const capacity = withDraft(kvCapacity(system, model, { batch: workload.batch, contextTokens: tokens }), draft)
  const memory = {
    weightBytes,
    kvCacheBytes,
    requiredBytes: weightBytes + kvCacheBytes,
    hbmBytes: system.chips * chip.hbmBytes.value,
    kvCapacity: capacity,
  }
  const base = {
    systemId: system.spec.id,
    systemName: system.spec.name,
    chips: system.chips,
    mode: system.mode,
    stackId: system.stack,
    achievablePerChip: {
      flopsPerSecond: system.peakFlops * system.computeEfficiency,
      bytesPerSecond: chip.hbmBandwidth.value * system.memoryEfficiency,
    },
    memory,
  }
  // Past the KV capacity the system is refused: no stack pages or offloads KV in the model.
  if (workload.batch > capacity.batchAtContext) {
    const withDraftModel = workload.speculative ? ` (the draft ${workload.speculative.draftModel}'s included)` : ''
    const message = outOfMemoryMessage(system, memory, capacity) + withDraftModel
    return { ...base, status: 'outOfMemory', message, prefill: null, decode: null, metrics: null }
  }
  const options = { bytesPerElement: e, logitsForLastTokenOnly: assumptions.logitsForLastTokenOnly, onStep }
  const { prefill, decode, steps, ...run } = workload.speculative
    ? generateSpeculative(system, model, workload, workload.speculative, options)
    : { ...generate(system, model, workload, options), speculative: undefined }
  const totalSeconds = prefill.seconds + decode.seconds
  const metrics = {
    timeToFirstTokenSeconds: prefill.seconds,
    timePerOutputTokenSeconds: steps > 0 ? decode.seconds / steps : 0,
    totalSeconds,
    outputTokensPerSecond: (workload.batch * workload.outputTokens) / totalSeconds,
  }
  const speculative: SpeculativeTiming | undefined =
    run.speculative && draft
      ? { ...run.speculative, draftWeightBytes: draft.weightBytes, draftKvCacheBytes: draft.kvCacheBytes }
      : undefined
  return { ...base, status: 'ok', message: null, prefill, decode, metrics, ...(speculative ? { speculative } : {}) }
}
