import type { ResolvedSystem } from '../assumptions'
import { kvCacheBytesPerSequence, kvReplication } from '../models/operators'
import type { ModelSpec } from '../models/schema'
import { parameterCount } from '../models/schema'
import { expectedSwitchesPerBatch, uniformPopularity } from './expertCache'
import { generate } from './inference'
import { switchSeconds } from './modelSwitch'
import { addBreakdown, emptyBreakdown } from './passTime'
import type { TimeBreakdown } from '../result'

export interface CoeCallInput {
  router: ModelSpec
  expert: ModelSpec
  experts: number
  batch: number
  promptTokens: number
  outputTokens: number
  bytesPerElement: number
}

export interface ExpertPlacement {
  expertBytes: number
  /** HBM left for experts after the router and the KV cache. */
  expertHbmBytes: number
  /** Experts that can stay resident in HBM at once. */
  residentSlots: number
  /** Whether every expert can be held: in HBM outright, or in the capacity tier. */
  fits: boolean
}

export interface CoeCallResult {
  placement: ExpertPlacement
  routerSeconds: number
  expectedSwitches: number
  switchSeconds: number
  expertSeconds: number
  seconds: number
  breakdown: TimeBreakdown
}

export function modelBytes(model: ModelSpec, bytesPerElement: number): number {
  return parameterCount(model) * bytesPerElement * (1 - model.weightSparsity.value)
}

/**
 * Where a CoE's experts sit on one system [P Sec. VI-C]: the router and the KV cache always in
 * HBM, the rest of HBM a region of expert slots; every expert in the capacity tier unless all fit
 * in HBM. `fits` is false when neither holds them all: out of memory.
 */
export function expertPlacement(system: ResolvedSystem, input: CoeCallInput): ExpertPlacement {
  const e = input.bytesPerElement
  const expertBytes = modelBytes(input.expert, e)
  const tokens = input.promptTokens + input.outputTokens
  const kv = (model: ModelSpec): number =>
    kvCacheBytesPerSequence(model, tokens, e) * kvReplication(model, system.chips)
  const kvBytes = input.batch * Math.max(kv(input.router), kv(input.expert))
  const hbmBytes = system.chips * system.spec.chip.hbmBytes.value
  const expertHbmBytes = Math.max(0, hbmBytes - modelBytes(input.router, e) - kvBytes)
  const residentSlots = Math.floor(expertHbmBytes / expertBytes)
  const inCapacityTier = input.experts * expertBytes <= system.spec.capacityTier.bytes.value
  return { expertBytes, expertHbmBytes, residentSlots, fits: input.experts <= residentSlots || inCapacityTier }
}

/**
 * One CoE call as the paper defines it [P Sec. VI-C]: the router at batch B, then copies of the
 * experts not resident in HBM (LRU, uniform routing), then each (prompt, expert) pair in turn at
 * batch 1. Latency = router + switching + expert execution. Null when the experts do not fit.
 */
export function coeCallLatency(system: ResolvedSystem, input: CoeCallInput): CoeCallResult | null {
  const placement = expertPlacement(system, input)
  if (!placement.fits) return null
  const options = { bytesPerElement: input.bytesPerElement, logitsForLastTokenOnly: true }
  // The router classifies each prompt: one pass over the batch of prompts.
  const router = generate(
    system,
    input.router,
    { batch: input.batch, promptTokens: input.promptTokens, outputTokens: 1 },
    options,
  )
  const expert = generate(
    system,
    input.expert,
    { batch: 1, promptTokens: input.promptTokens, outputTokens: input.outputTokens },
    options,
  )
  const expectedSwitches = expectedSwitchesPerBatch(
    uniformPopularity(input.experts),
    placement.residentSlots,
    input.batch,
  )
  const switching = expectedSwitches * switchSeconds(system, placement.expertBytes)
  const breakdown = addBreakdown(
    addBreakdown(addBreakdown(emptyBreakdown(), router.prefill.breakdown), expert.prefill.breakdown, input.batch),
    expert.decode.breakdown,
    input.batch,
  )
  breakdown.switching = switching
  const expertSeconds = input.batch * (expert.prefill.seconds + expert.decode.seconds)
  return {
    placement,
    routerSeconds: router.prefill.seconds,
    expectedSwitches,
    switchSeconds: switching,
    expertSeconds,
    seconds: router.prefill.seconds + switching + expertSeconds,
    breakdown,
  }
}
