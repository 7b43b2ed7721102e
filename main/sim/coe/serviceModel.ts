import type { ResolvedSystem } from '../assumptions'
import type { ModelSpec } from '../models/schema'
import { addForwardPass } from '../perf/inference'
import { PhaseAccumulator } from '../perf/phase'
import { switchSeconds } from '../perf/modelSwitch'
import { modelBytes } from '../perf/coeCall'

/** Context of the decode-step line fit: long enough to see attention grow, short of most windows. */
const FIT_CONTEXT = 4096

/**
 * Service times the event simulation draws on, from the performance model. Prefill passes are
 * memoised per (batch, prompt); a decode step is `a + c · context` per batch size (exact while
 * decode is memory-bound, as it is at serving batch sizes), so a whole generation is a sum in
 * closed form instead of one pass per token; continuous batching asks for one step at a time.
 */
export interface ServiceModel {
  prefillSeconds(batch: number, promptTokens: number): number
  /** The N − 1 decode steps after a prefill of `promptTokens`, for a sequence of N output tokens. */
  decodeSeconds(batch: number, promptTokens: number, outputTokens: number): number
  /** One decode step of `batch` sequences whose longest has `context` tokens before it (continuous batching). */
  decodeStepSeconds(batch: number, context: number): number
  routerSeconds(batch: number, promptTokens: number): number
  switchSeconds: number
}

function onePass(
  system: ResolvedSystem,
  model: ModelSpec,
  batch: number,
  newTokens: number,
  pastTokens: number,
  e: number,
): number {
  const phase = new PhaseAccumulator(system)
  addForwardPass(phase, model, { batch, newTokens, pastTokens, logitTokens: 1 }, e)
  return phase.seconds()
}

function memo(compute: (batch: number, tokens: number) => number): (batch: number, tokens: number) => number {
  const cache = new Map<number, number>()
  return (batch, tokens) => {
    const key = batch * 1_048_576 + tokens
    let value = cache.get(key)
    if (value === undefined) {
      value = compute(batch, tokens)
      cache.set(key, value)
    }
    return value
  }
}

export function createServiceModel(
  system: ResolvedSystem,
  expert: ModelSpec,
  router: ModelSpec | null,
  bytesPerElement: number,
): ServiceModel {
  const e = bytesPerElement
  const stepLine = new Map<number, { base: number; perToken: number }>()
  const line = (batch: number): { base: number; perToken: number } => {
    let fit = stepLine.get(batch)
    if (!fit) {
      const base = onePass(system, expert, batch, 1, 0, e)
      fit = { base, perToken: (onePass(system, expert, batch, 1, FIT_CONTEXT, e) - base) / FIT_CONTEXT }
      stepLine.set(batch, fit)
    }
    return fit
  }
  return {
    prefillSeconds: memo((batch, prompt) => onePass(system, expert, batch, prompt, 0, e)),
    decodeSeconds(batch, prompt, output) {
      const steps = output - 1
      if (steps <= 0) return 0
      const { base, perToken } = line(batch)
      // Σ over steps i = 0 … N − 2 of base + perToken · (prompt + i)
      return steps * base + perToken * (steps * prompt + (steps * (steps - 1)) / 2)
    },
    decodeStepSeconds(batch, context) {
      const { base, perToken } = line(batch)
      return base + perToken * context
    },
    routerSeconds: router ? memo((batch, prompt) => onePass(system, router, batch, prompt, 0, e)) : () => 0,
    switchSeconds: switchSeconds(system, modelBytes(expert, e)),
  }
}
