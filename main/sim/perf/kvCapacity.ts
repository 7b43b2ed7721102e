import type { ResolvedSystem } from '../assumptions'
import { kvCacheBytesPerSequence, kvReplication } from '../models/operators'
import type { ModelSpec } from '../models/schema'
import { parameterCount } from '../models/schema'
import type { KvCapacity } from '../result'
import { BYTES_PER_ELEMENT } from '../units'

/** Bytes of a model's weights, pruned weights left out. */
export function weightBytes(model: ModelSpec, bytesPerElement: number): number {
  return parameterCount(model) * bytesPerElement * (1 - model.weightSparsity.value)
}

/**
 * How much KV cache fits beside the weights on `system` (split over its chips by tensor
 * parallelism, at its precision), for a workload of `batch` sequences of `contextTokens` tokens
 * (prompt + output) each:
 *
 *   kvBytes = max(0, fraction × chips × HBM per chip − weights)
 *   tokens = ⌊kvBytes ÷ bytesPerToken⌋, bytesPerToken = 2 · layers · kvHeads · headDim · bytes × replication
 *   batchAtContext = ⌊tokens ÷ contextTokens⌋, contextAtBatch = ⌊tokens ÷ batch⌋
 *
 * (docs/MODEL.md §4, KV capacity). The KV cache is counted as if paged: any split of `tokens`
 * over sequences fits.
 */
export function kvCapacity(
  system: ResolvedSystem,
  model: ModelSpec,
  workload: { batch: number; contextTokens: number },
): KvCapacity {
  const e = BYTES_PER_ELEMENT[system.precision]
  const usableBytes = system.hbmUsableFraction * system.chips * system.spec.chip.hbmBytes.value
  const kvBytes = Math.max(0, usableBytes - weightBytes(model, e))
  const bytesPerToken = kvCacheBytesPerSequence(model, 1, e) * kvReplication(model, system.chips)
  const tokens = Math.floor(kvBytes / bytesPerToken)
  return {
    usableBytes,
    kvBytes,
    bytesPerToken,
    tokens,
    contextTokens: workload.contextTokens,
    batch: workload.batch,
    batchAtContext: Math.floor(tokens / workload.contextTokens),
    contextAtBatch: Math.floor(tokens / workload.batch),
  }
}

const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`
const sequences = (n: number): string => `${n} sequence${n === 1 ? '' : 's'}`

/**
 * Why a batch does not fit, with units and the capacity: what the weights and the batch's KV
 * need, and what the usable HBM holds instead.
 */
export function outOfMemoryMessage(
  system: Pick<ResolvedSystem, 'chips' | 'spec' | 'hbmUsableFraction'>,
  memory: { weightBytes: number; kvCacheBytes: number },
  capacity: KvCapacity,
): string {
  const { batch, contextTokens } = capacity
  const perChip = Number((system.spec.chip.hbmBytes.value / 1e9).toFixed(1))
  const hbm = `${system.chips} × ${perChip} GB of HBM, ${Number((system.hbmUsableFraction * 100).toFixed(1))}% usable (${gb(capacity.usableBytes)}),`
  const holds =
    capacity.usableBytes < memory.weightBytes
      ? 'cannot hold the weights alone'
      : capacity.batchAtContext === 0
        ? `holds the weights and the KV cache of ${capacity.tokens} tokens: not one sequence of ${contextTokens} tokens`
        : `holds the weights and the KV cache of at most ${sequences(capacity.batchAtContext)} of ${contextTokens} tokens`
  return `out of memory: weights need ${gb(memory.weightBytes)} and the KV cache of ${batch} × ${contextTokens} tokens ${gb(memory.kvCacheBytes)}; ${hbm} ${holds}`
}
