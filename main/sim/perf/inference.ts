import type { ResolvedSystem } from '../assumptions'
import { MODEL_PRESETS } from '../models/presets'
import { forwardOperators, kvCacheBytesPerSequence } from '../models/operators'
import { parameterCount } from '../models/schema'
import type { SystemResult } from '../result'
import type { Scenario } from '../scenario/schema'
import { BYTES_PER_ELEMENT } from '../units'
import { PhaseAccumulator } from './phase'
import type { Machine } from './roofline'

/** The rates of the chips a system runs on, efficiencies applied. */
export function achievableMachine(system: ResolvedSystem): Machine {
  const { chip } = system.spec
  return {
    flopsPerSecond: system.chips * chip.peakFlops.value * system.computeEfficiency,
    bytesPerSecond: system.chips * chip.hbmBandwidth.value * system.memoryEfficiency,
  }
}

/** Called after each decode step with the steps done so far. */
export type StepListener = (stepsDone: number) => void

/**
 * Prefill and decode of one scenario's workload on one system by a roofline over unfused
 * operators, the model split evenly over `system.chips` chips (ideal tensor parallelism).
 */
export function simulateInference(
  system: ResolvedSystem,
  scenario: Scenario,
  onStep: StepListener = () => {},
): SystemResult {
  const { workload, assumptions } = scenario
  const model = MODEL_PRESETS[workload.model]
  const e = BYTES_PER_ELEMENT[workload.precision]
  const machine = achievableMachine(system)
  const weightBytes = parameterCount(model) * e
  const kvCacheBytes = workload.batch * kvCacheBytesPerSequence(model, workload.promptTokens + workload.outputTokens, e)
  const memory = {
    weightBytes,
    kvCacheBytes,
    requiredBytes: weightBytes + kvCacheBytes,
    hbmBytes: system.chips * system.spec.chip.hbmBytes.value,
  }
  const base = {
    systemId: system.spec.id,
    systemName: system.spec.name,
    chips: system.chips,
    achievable: machine,
    memory,
  }
  if (memory.requiredBytes > memory.hbmBytes) {
    const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`
    const chips = `${system.chips} chip${system.chips === 1 ? '' : 's'}`
    const message = `out of memory: weights and KV cache need ${gb(memory.requiredBytes)} of HBM; the system has ${gb(memory.hbmBytes)} on ${chips}`
    return { ...base, status: 'outOfMemory', message, prefill: null, decode: null, metrics: null }
  }

  const prefillAccumulator = new PhaseAccumulator(machine)
  const logitTokens = assumptions.logitsForLastTokenOnly ? 1 : workload.promptTokens
  prefillAccumulator.add(
    forwardOperators(model, { batch: workload.batch, newTokens: workload.promptTokens, pastTokens: 0, logitTokens }, e),
  )
  const prefill = prefillAccumulator.result()

  // Prefill yields the first token; each further token is one decode step over a growing KV cache.
  const decodeAccumulator = new PhaseAccumulator(machine)
  const steps = workload.outputTokens - 1
  for (let step = 0; step < steps; step++) {
    decodeAccumulator.add(
      forwardOperators(
        model,
        { batch: workload.batch, newTokens: 1, pastTokens: workload.promptTokens + step, logitTokens: 1 },
        e,
      ),
    )
    onStep(step + 1)
  }
  const decode = decodeAccumulator.result()

  const totalSeconds = prefill.seconds + decode.seconds
  const metrics = {
    timeToFirstTokenSeconds: prefill.seconds,
    timePerOutputTokenSeconds: steps > 0 ? decode.seconds / steps : 0,
    totalSeconds,
    outputTokensPerSecond: (workload.batch * workload.outputTokens) / totalSeconds,
  }
  return { ...base, status: 'ok', message: null, prefill, decode, metrics }
}
