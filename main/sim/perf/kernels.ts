import type { Operator } from '../models/operators'

import type { ExecutionMode } from './modes'

export { EXECUTION_MODES, type ExecutionMode } from './modes'

/** One kernel as each chip of the tensor-parallel group runs it. */
export interface Kernel {
  name: string
  repeat: number
  /** Kernel calls per instance: eager operators launch several. */
  calls: number
  flopsPerChip: number
  /** The part of its FLOPs in attention (scores and values), which runs at the attention kernels' rate. */
  attentionFlopsPerChip: number
  bytesPerChip: number
  /** The operators inside, for breakdowns. */
  operators: Operator[]
}

const perChip = (op: Operator, value: number, chips: number): number => (op.split ? value / chips : value)

/** KV per chip: split by heads, but never finer than the KV heads (beyond that they are replicated). */
const kvPerChip = (op: Operator, chips: number): number =>
  op.split ? op.kvBytes / Math.min(chips, op.kvShards) : op.kvBytes

/** All bytes of one operator as a kernel of its own, per chip. */
export function opBytesPerChip(op: Operator, chips: number): number {
  return perChip(op, op.weightBytes + op.inputBytes + op.outputBytes, chips) + kvPerChip(op, chips)
}

/** FLOPs per chip of operators `start` to `end − 1` run as one kernel. */
function rangeFlops(ops: readonly Operator[], start: number, end: number, chips: number): number {
  let flops = 0
  for (let i = start; i < end; i++) flops += perChip(ops[i]!, ops[i]!.flops, chips)
  return flops
}

/** Attention FLOPs per chip of operators `start` to `end − 1`. */
function rangeAttentionFlops(ops: readonly Operator[], start: number, end: number, chips: number): number {
  let flops = 0
  for (let i = start; i < end; i++) if (ops[i]!.kind === 'attention') flops += perChip(ops[i]!, ops[i]!.flops, chips)
  return flops
}

/**
 * Bytes per chip of operators `start` to `end − 1` run as one kernel: weights and KV still move,
 * intermediates do not, so only the first operator's input and the last one's output do.
 */
function rangeBytes(ops: readonly Operator[], start: number, end: number, chips: number): number {
  if (end - start === 1) return opBytesPerChip(ops[start]!, chips)
  const first = ops[start]!
  const last = ops[end - 1]!
  let bytes = perChip(first, first.inputBytes, chips) + perChip(last, last.outputBytes, chips)
  for (let i = start; i < end; i++) {
    const op = ops[i]!
    bytes += perChip(op, op.weightBytes + op.savedBytes, chips) + kvPerChip(op, chips)
  }
  return bytes
}

export function singleKernel(op: Operator, chips: number): Kernel {
  return fusedKernel(op.name, [op], chips, op.eagerKernels)
}

/** Operators run as one kernel (one call unless said otherwise). */
export function fusedKernel(name: string, ops: Operator[], chips: number, calls = 1): Kernel {
  return {
    name,
    repeat: ops[0]!.repeat,
    calls,
    flopsPerChip: rangeFlops(ops, 0, ops.length, chips),
    attentionFlopsPerChip: rangeAttentionFlops(ops, 0, ops.length, chips),
    bytesPerChip: rangeBytes(ops, 0, ops.length, chips),
    operators: ops,
  }
}

/** The kernel an operator joins: its GPU kernel, or in dataflow modes its decoder layer. */
function groupKey(op: Operator, mode: ExecutionMode): string {
  return mode === 'kernelFused' || op.repeat === 1 ? op.gpuKernel : op.layerKernel
}

export type KernelVisitor = (
  flopsPerChip: number,
  bytesPerChip: number,
  calls: number,
  repeat: number,
  start: number,
  end: number,
  attentionFlopsPerChip: number,
) => void

/**
 * Visits the kernels a pass over `ops` runs in `mode`, split over `chips` tensor-parallel chips,
 * without building them: this is the simulator's hot path. Unfused, every operator is a kernel
 * of its eager calls; fused, runs of consecutive operators sharing a group key and a repeat count
 * are one call.
 */
export function forEachKernel(
  ops: readonly Operator[],
  mode: ExecutionMode,
  chips: number,
  visit: KernelVisitor,
): void {
  let start = 0
  while (start < ops.length) {
    const first = ops[start]!
    let end = start + 1
    if (mode !== 'unfused') {
      const key = groupKey(first, mode)
      while (end < ops.length && ops[end]!.repeat === first.repeat && groupKey(ops[end]!, mode) === key) end++
    }
    const calls = mode === 'unfused' ? first.eagerKernels : 1
    // FLOPs and their attention share in one walk (rangeFlops and rangeAttentionFlops together).
    let flops = 0
    let attention = 0
    for (let i = start; i < end; i++) {
      const op = ops[i]!
      const opFlops = perChip(op, op.flops, chips)
      flops += opFlops
      if (op.kind === 'attention') attention += opFlops
    }
    visit(flops, rangeBytes(ops, start, end, chips), calls, first.repeat, start, end, attention)
    start = end
  }
}

/** The kernels a pass over `ops` runs in `mode`, built, for breakdowns and tests. */
export function kernelsFor(ops: readonly Operator[], mode: ExecutionMode, chips: number): Kernel[] {
  const kernels: Kernel[] = []
  forEachKernel(ops, mode, chips, (flopsPerChip, bytesPerChip, calls, repeat, start, end, attentionFlopsPerChip) => {
    const members = ops.slice(start, end)
    const name = end - start === 1 ? members[0]!.name : groupKey(members[0]!, mode)
    kernels.push({ name, repeat, calls, flopsPerChip, attentionFlopsPerChip, bytesPerChip, operators: members })
  })
  return kernels
}
