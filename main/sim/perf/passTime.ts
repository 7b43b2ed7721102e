import type { ResolvedSystem } from '../assumptions'
import type { Operator } from '../models/operators'
import { referenceStepLatency } from './collectiveAlgorithms'
import { collectiveTime, type Link } from './collectives'
import { forEachKernel } from './kernels'
import { kernelWorkInto, type KernelWork } from './kernelTime'
import { EXECUTION_MODE, type ExecutionMode } from './modes'
import type { TimeBreakdown } from '../result'

export function emptyBreakdown(): TimeBreakdown {
  return { compute: 0, memory: 0, launch: 0, collectives: 0, software: 0, switching: 0 }
}

export function addBreakdown(into: TimeBreakdown, from: TimeBreakdown, times = 1): TimeBreakdown {
  into.compute += from.compute * times
  into.memory += from.memory * times
  into.launch += from.launch * times
  into.collectives += from.collectives * times
  into.software += from.software * times
  into.switching += from.switching * times
  return into
}

export function totalSeconds(b: TimeBreakdown): number {
  return b.compute + b.memory + b.launch + b.collectives + b.software + b.switching
}

/** The tensor-parallel traffic of one pass: all-reduces of the residual stream, a gather of logits. */
export interface PassCollectives {
  allReduces: number
  allReduceBytes: number
  allGatherBytes: number
}

export interface PassTiming {
  breakdown: TimeBreakdown
  kernelCalls: number
}

/** The pass loop's one KernelWork, rewritten for every kernel (no allocation on the hot path). */
const scratch: KernelWork = { computeSeconds: 0, memorySeconds: 0, seconds: 0 }

/** Modes that need dataflow fusion stream a decoder layer as one kernel, collectives included. */
const isDataflow = (mode: ExecutionMode): boolean => EXECUTION_MODE[mode].needsDataflowFusion

/** The chip-to-chip link the tensor-parallel group uses. */
export function linkOf(system: ResolvedSystem): Link {
  return {
    chips: system.chips,
    bandwidth: system.interconnectBandwidth,
    callLatency: system.collectiveLatency,
    algorithm: system.spec.interconnect.collectiveAlgorithm,
    stepScale: system.collectiveStepLatency / referenceStepLatency(system.spec.interconnect.collectiveAlgorithm).value,
  }
}

/**
 * Time of one pass over `ops` on `system` in its execution mode, for `sequences` sequences:
 * each kernel's device time on one chip (kernelTime.ts: its FLOPs and bytes at the achievable
 * rates, overlapped in part, after a ramp), plus its call overhead (added when calls are
 * synchronous, overlapped when they are queued ahead); then collectives, then the software
 * stack's per-pass and per-sequence costs.
 */
export function passTime(
  ops: readonly Operator[],
  collectives: PassCollectives,
  sequences: number,
  system: ResolvedSystem,
): PassTiming {
  const { execution } = system.spec
  const callOverhead = system.mode === 'fusedHO' ? system.onChipKernelOverhead : system.hostKernelOverhead
  const breakdown = emptyBreakdown()
  let kernelCalls = 0
  forEachKernel(
    ops,
    system.mode,
    system.chips,
    (flopsPerChip, bytesPerChip, calls, repeat, _start, _end, attention) => {
      const {
        computeSeconds,
        memorySeconds,
        seconds: work,
      } = kernelWorkInto(scratch, flopsPerChip, bytesPerChip, system, attention, calls)
      const overhead = calls * callOverhead
      const launch = execution.kernelLaunch === 'sync' ? overhead : Math.max(0, overhead - work)
      if (computeSeconds >= memorySeconds) breakdown.compute += work * repeat
      else breakdown.memory += work * repeat
      breakdown.launch += launch * repeat
      kernelCalls += calls * repeat
    },
  )
  const link = linkOf(system)
  const gathers = collectives.allGatherBytes > 0 ? 1 : 0
  const count = collectives.allReduces + gathers
  const reduce = collectiveTime('allReduce', collectives.allReduceBytes, link)
  const gather = collectiveTime('allGather', collectives.allGatherBytes, link)
  const latencies = collectives.allReduces * reduce.latency + gather.latency
  const collectiveSeconds = latencies + collectives.allReduces * reduce.transfer + gather.transfer
  if (system.chips > 1 && isDataflow(system.mode)) {
    // Dataflow kernels stream their collectives alongside the work [P Sec. I]: only the transfer
    // time the kernels do not cover, and each collective's latencies, remain.
    const work = breakdown.compute + breakdown.memory
    breakdown.collectives = latencies + Math.max(0, collectiveSeconds - latencies - work)
  } else if (system.chips > 1) {
    // Elsewhere each collective is a call of its own, on the critical path.
    kernelCalls += count
    if (execution.kernelLaunch === 'sync') breakdown.launch += count * callOverhead
    breakdown.collectives = collectiveSeconds
  }
  breakdown.software = system.stepOverhead + sequences * system.sequenceStepOverhead
  return { breakdown, kernelCalls }
}
