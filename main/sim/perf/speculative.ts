import type { ResolvedSystem } from '../assumptions'
import { kvCacheBytesPerSequence, kvReplication, type ForwardShape } from '../models/operators'
import { MODEL_PRESETS, type ModelPresetId } from '../models/presets'
import type { KvCapacity, PhaseTiming } from '../result'
import { BYTES_PER_ELEMENT } from '../units'
import { weightBytes } from './kvCapacity'
import { addBreakdown, emptyBreakdown, totalSeconds } from './passTime'

/**
 * Speculative decoding (Leviathan et al., ICML 2023; Chen et al. 2023; docs/MODEL.md §4.1): a
 * small draft model proposes k tokens one pass at a time, then one pass of the target over the
 * k + 1 tokens verifies them and yields, in expectation, (1 − α^(k+1)) / (1 − α) tokens. Pure
 * arithmetic and the plan of passes; inference.ts times the passes.
 */

/** The speculative half of a workload: the draft's settings once the schema filled the defaults. */
export interface SpeculativeSettings {
  draftModel: ModelPresetId
  proposedTokens: number
  acceptanceRate: number
}

/**
 * Tokens one verification step yields in expectation when each of the k proposals is accepted
 * independently with probability α, the first rejection replaced (or, all accepted, one more
 * appended) by the target's own token [Leviathan et al. 2023, Eq. 1]:
 * E = Σ_{i=0..k} α^i = (1 − α^(k+1)) / (1 − α), which is k + 1 at α = 1 and 1 at α = 0.
 */
export function expectedTokensPerStep(proposedTokens: number, acceptanceRate: number): number {
  if (acceptanceRate === 1) return proposedTokens + 1
  return (1 - acceptanceRate ** (proposedTokens + 1)) / (1 - acceptanceRate)
}

/** Guards the ceiling below against a quotient that is a whole number but for rounding. */
const WHOLE = 1e-9

/**
 * Verification steps that produce `tokens` tokens: ⌈tokens / E⌉. ASSUMPTION: the expectation, not
 * a sampled run (deterministic); the last step's surplus tokens are discarded.
 */
export function speculativeSteps(tokens: number, expected: number): number {
  return tokens <= 0 ? 0 : Math.ceil(tokens / expected - WHOLE)
}

/** Tokens produced after the prefill's by the first `step` steps, in expectation (whole, at most `tokens`). */
export function tokensBefore(step: number, expected: number, tokens: number): number {
  return Math.min(tokens, Math.floor(step * expected))
}

/** Which model a pass belongs to, and which phase it is timed in. */
export interface SpeculativePass {
  model: 'draft' | 'target'
  phase: 'prefill' | 'decode'
  shape: ForwardShape
  /** On each step's verification pass: output tokens after the first that exist once it ran. */
  tokensDone?: number
}

/**
 * Every pass of a speculative generation, in order. Both models prefill the prompt (the target's
 * yields the first token). Then each step j, from the P + c_j tokens already in the caches
 * (c_j = ⌊j·E⌋): k draft passes of one token each over a growing context, then one target pass
 * over k + 1 tokens (the last accepted token and the k proposals), logits for all k + 1.
 */
export function* speculativePasses(
  workload: { batch: number; promptTokens: number; outputTokens: number },
  speculative: SpeculativeSettings,
  logitsForLastTokenOnly: boolean,
): Generator<SpeculativePass> {
  const { batch, promptTokens } = workload
  const k = speculative.proposedTokens
  const prefill: ForwardShape = {
    batch,
    newTokens: promptTokens,
    pastTokens: 0,
    logitTokens: logitsForLastTokenOnly ? 1 : promptTokens,
  }
  yield { model: 'target', phase: 'prefill', shape: prefill }
  yield { model: 'draft', phase: 'prefill', shape: prefill }
  const tokens = workload.outputTokens - 1
  const expected = expectedTokensPerStep(k, speculative.acceptanceRate)
  const steps = speculativeSteps(tokens, expected)
  for (let step = 0; step < steps; step++) {
    const past = promptTokens + tokensBefore(step, expected, tokens)
    for (let i = 0; i < k; i++) {
      yield { model: 'draft', phase: 'decode', shape: { batch, newTokens: 1, pastTokens: past + i, logitTokens: 1 } }
    }
    const tokensDone = step + 1 === steps ? tokens : tokensBefore(step + 1, expected, tokens)
    const verify = { batch, newTokens: k + 1, pastTokens: past, logitTokens: k + 1 }
    yield { model: 'target', phase: 'decode', shape: verify, tokensDone }
  }
}

/** Prefixes the draft's operators in a combined phase, so the roofline tells the two models apart. */
export const DRAFT_OPERATOR_PREFIX = 'draft '

/**
 * The target's and the draft's share of one phase as one phase: times, calls, FLOPs and bytes
 * added, the operators of both listed (the draft's named with DRAFT_OPERATOR_PREFIX).
 */
export function combinePhases(target: PhaseTiming, draft: PhaseTiming): PhaseTiming {
  const breakdown = addBreakdown(addBreakdown(emptyBreakdown(), target.breakdown), draft.breakdown)
  return {
    seconds: totalSeconds(breakdown),
    breakdown,
    kernelCalls: target.kernelCalls + draft.kernelCalls,
    flops: target.flops + draft.flops,
    bytes: target.bytes + draft.bytes,
    operators: [
      ...target.operators,
      ...draft.operators.map((op) => ({ ...op, name: `${DRAFT_OPERATOR_PREFIX}${op.name}` })),
    ],
  }
}

/** What the draft holds in HBM beside the target: its weights, and its KV cache for the batch. */
export interface DraftFootprint {
  weightBytes: number
  /** The whole batch at its full context (prompt + output tokens), as the target's is counted. */
  kvCacheBytes: number
  /** KV bytes of one token of one sequence, all chips, tensor-parallel replication counted. */
  bytesPerToken: number
}

/**
 * The draft's memory on `system` (same chips, same tensor parallelism, same precision as the
 * target: ASSUMPTION, docs/MODEL.md §4.1); null without speculative decoding.
 */
export function draftFootprint(
  system: Pick<ResolvedSystem, 'chips' | 'precision'>,
  workload: {
    batch: number
    promptTokens: number
    outputTokens: number
    speculative?: SpeculativeSettings | undefined
  },
): DraftFootprint | null {
  if (workload.speculative === undefined) return null
  const draft = MODEL_PRESETS[workload.speculative.draftModel]
  const e = BYTES_PER_ELEMENT[system.precision]
  const bytesPerToken = kvCacheBytesPerSequence(draft, 1, e) * kvReplication(draft, system.chips)
  return {
    weightBytes: weightBytes(draft, e),
    kvCacheBytes: workload.batch * (workload.promptTokens + workload.outputTokens) * bytesPerToken,
    bytesPerToken,
  }
}

/**
 * The target's KV capacity with the draft beside it: the draft's weights come out of the room left
 * for KV, and every token holds both models' KV. The capacity itself when there is no draft.
 */
export function withDraft(capacity: KvCapacity, draft: DraftFootprint | null): KvCapacity {
  if (draft === null) return capacity
  const kvBytes = Math.max(0, capacity.kvBytes - draft.weightBytes)
  const bytesPerToken = capacity.bytesPerToken + draft.bytesPerToken
  const tokens = Math.floor(kvBytes / bytesPerToken)
  return {
    ...capacity,
    kvBytes,
    bytesPerToken,
    tokens,
    batchAtContext: Math.floor(tokens / capacity.contextTokens),
    contextAtBatch: Math.floor(tokens / capacity.batch),
  }
}
