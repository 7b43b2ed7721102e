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

const LONGEST_ROW = 2 ** 16

/**
 * A memo of `compute(batch, tokens)` for whole-number arguments: one row of results per batch
 * size, indexed by tokens and grown by doubling, NaN where not yet computed. Asked at every batch
 * and router pass, it must cost less than the pass it saves; a Map keyed by the pair was the
 * serving loop's most expensive line.
 */
function memo(compute: (batch: number, tokens: number) => number): (batch: number, tokens: number) => number {
  const rows: Float64Array[] = []
  // Rows stop at 2^16 tokens (512 kB each); longer prompts, rare, go to a Map.
  const long = new Map<number, number>()
  return (batch, tokens) => {
    if (tokens >= LONGEST_ROW) {
      const key = batch * 2 ** 32 + tokens
      let value = long.get(key)
      if (value === undefined) long.set(key, (value = compute(batch, tokens)))
      return value
    }
    let row = rows[batch]
    if (row === undefined || tokens >= row.length) {
      const grown = new Float64Array(Math.max(64, 2 ** Math.ceil(Math.log2(tokens + 1)))).fill(Number.NaN)
      if (row !== undefined) grown.set(row)
      rows[batch] = row = grown
    }
    let value = row[tokens]!
    if (value !== value) row[tokens] = value = compute(batch, tokens)
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
  const stepLine: ({ base: number; perToken: number } | undefined)[] = [] // by batch size
  const line = (batch: number): { base: number; perToken: number } => {
    let fit = stepLine[batch]
    if (!fit) {
      const base = onePass(system, expert, batch, 1, 0, e)
      fit = { base, perToken: (onePass(system, expert, batch, 1, FIT_CONTEXT, e) - base) / FIT_CONTEXT }
      stepLine[batch] = fit
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
