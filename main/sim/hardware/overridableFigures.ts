import type { Quantity } from '../quantity'
import { referenceStepLatency } from '../perf/collectiveAlgorithms'
import { HOST_LINK_MODEL, type HostLinkModel } from './hostLinks'
import { isOverlapExponent, OVERLAP_EXPONENT_RULE, type SystemSpec } from './schema'
import { attentionEfficiencyOf } from '../stacks/apply'

/**
 * The per-system figures a scenario may override (`systemOverrides.<system>.<key>`), one line
 * each. Generated from it: the override schema (scenario/schema.ts), the resolved system and the
 * assumptions ledger (assumptions.ts), the figures the sensitivity tornado moves
 * (grid/sensitivity.ts), and through the contract the form's fields, defaults and units, and the
 * sweep's path choices. A new figure is one line here and the model code that reads it.
 */

/** The unit a figure is stored in (SI, as scenarios write it) and the one the form shows it in. */
export interface FigureUnit {
  /** The stored unit: '' for a pure number. */
  si: string
  /** The unit people read, e.g. µs. */
  label: string
  /** Stored value = shown value × scale. */
  scale: number
}

const UNIT = {
  fraction: { si: '', label: 'fraction of peak, 0–1', scale: 1 },
  exponent: { si: '', label: 'exponent (0: ideal)', scale: 1 },
  chips: { si: 'chips', label: 'chips', scale: 1 },
  microseconds: { si: 's', label: 'µs', scale: 1e-6 },
  milliseconds: { si: 's', label: 'ms', scale: 1e-3 },
  bandwidth: { si: 'B/s', label: 'GB/s', scale: 1e9 },
} as const satisfies Record<string, FigureUnit>

/** What a figure's default may depend on besides the system: the scenario's host links and chips. */
export interface FigureContext {
  hostLinkModel: HostLinkModel
  /** The chips the model is split over (the override, else all of the system's). */
  chips: number
}

export interface OverridableFigure {
  /** The figure as people read it. */
  label: string
  unit: FigureUnit
  /** The smallest value; `exclusive`: the bound itself is refused. */
  min: { value: number; exclusive: boolean }
  max: number
  /** Whole numbers only. */
  integer: boolean
  /** A rule beyond the bounds, with the sentence that explains a refusal. */
  rule?: { test: (value: number) => boolean; message: string }
  /** What the figure means and how the model uses it (the schema's help, the ledger's text). */
  description: string
  /** The system's own value and its source: what an absent override resolves to. */
  preset: (spec: SystemSpec, context: FigureContext) => Quantity
  /** Moved ×(1 ± step) by the sensitivity tornado (a figure that must stay whole or divide something is not). */
  sensitivity: boolean
  /** The values a new sweep axis over this figure starts with (stored units). */
  sweepExample: string
}

const fraction = { unit: UNIT.fraction, min: { value: 0, exclusive: true }, max: 1, integer: false }
const seconds = { min: { value: 0, exclusive: false }, max: 10, integer: false }
const bandwidth = { unit: UNIT.bandwidth, min: { value: 0, exclusive: true }, max: 1e15, integer: false }

/**
 * The share of HBM a serving stack lets weights and KV cache fill; the rest is left for
 * activations, workspaces and the runtime's own context. One default for every system and stack,
 * so that no system is given more room than another by the model's choice; overridable per
 * system (`hbmUsableFraction`).
 */
export const HBM_USABLE_FRACTION: Quantity = {
  value: 0.9,
  source:
    "ASSUMPTION: vLLM's default gpu_memory_utilization, 0.9 of each GPU's memory for weights, activations and KV (vLLM engine arguments, --gpu-memory-utilization); applied to every system and stack alike, the SN40L's included, whose stack publishes no such figure",
}

export const OVERRIDABLE_FIGURE = {
  chips: {
    label: 'Chips',
    unit: UNIT.chips,
    min: { value: 1, exclusive: false },
    max: 1024,
    integer: true,
    description:
      "Chips the model is split over by tensor parallelism; default: all. Must divide the model's attention heads; every weight, KV cache and kernel is shared among them, and each layer's collectives run over them",
    preset: (spec) => spec.chipCount,
    sensitivity: false,
    sweepExample: '1,2,4,8',
  },
  computeEfficiency: {
    ...fraction,
    label: 'Compute efficiency',
    description:
      "Achievable fraction of the chip's peak FLOP/s, in (0, 1]: a kernel's compute time is its FLOPs / (peak × this)",
    preset: (spec) => spec.chip.computeEfficiency,
    sensitivity: true,
    sweepExample: '0.5..0.9:0.1',
  },
  attentionEfficiency: {
    ...fraction,
    label: 'Attention efficiency',
    description:
      "Achievable fraction of the chip's peak FLOP/s in attention kernels, in (0, 1]: attention's score and value products take their FLOPs / (peak × this); a prefill's attention is where it shows",
    preset: (spec) => attentionEfficiencyOf(spec),
    sensitivity: true,
    sweepExample: '0.1..0.7:0.2',
  },
  memoryEfficiency: {
    ...fraction,
    label: 'Memory efficiency',
    description:
      "Achievable fraction of the chip's peak HBM bandwidth, in (0, 1]: a kernel's memory time is its bytes / (bandwidth × this)",
    preset: (spec) => spec.chip.memoryEfficiency,
    sensitivity: true,
    sweepExample: '0.5..0.9:0.1',
  },
  kernelRamp: {
    ...seconds,
    unit: UNIT.microseconds,
    label: 'Kernel ramp',
    description:
      'Device time every kernel takes beyond its work (launching its grid, filling and draining the chip), s: why a small kernel reaches less than the achievable bandwidth',
    preset: (spec) => spec.execution.kernelRamp,
    sensitivity: true,
    sweepExample: '0..5e-6:1e-6',
  },
  overlapExponent: {
    unit: UNIT.exponent,
    min: { value: 0, exclusive: false },
    max: 64,
    integer: false,
    label: 'Compute/memory overlap',
    description:
      'How far a kernel hides its memory traffic under its compute: its work takes (c^p + m^p)^(1/p) for compute time c and memory time m; 0 is the ideal roofline max(c, m), larger p comes closer to it, p = 1 is no overlap',
    preset: (spec) => spec.execution.overlapExponent,
    rule: { test: isOverlapExponent, message: OVERLAP_EXPONENT_RULE },
    sensitivity: false,
    sweepExample: '1,2,4,0',
  },
  hbmUsableFraction: {
    ...fraction,
    label: 'Usable HBM',
    description:
      "Share of the chips' HBM the serving stack lets weights and KV cache fill, in (0, 1]; the rest holds activations and the runtime. Past it a workload is out of memory, and the KV capacity is what fits in it beside the weights",
    preset: () => HBM_USABLE_FRACTION,
    sensitivity: false,
    sweepExample: '0.8..1:0.05',
  },
  hostKernelOverhead: {
    ...seconds,
    unit: UNIT.microseconds,
    label: 'Host kernel overhead',
    description:
      'Cost of one kernel call scheduled by the host (every mode but fusedHO), s: added to the kernel when launches are synchronous, hidden behind its work when they are queued ahead',
    preset: (spec) => spec.execution.hostKernelOverhead,
    sensitivity: true,
    sweepExample: '1e-6..1e-4:x5',
  },
  onChipKernelOverhead: {
    ...seconds,
    unit: UNIT.microseconds,
    label: 'On-chip kernel overhead',
    description:
      'Cost of one kernel call scheduled on chip (fusedHO, hardware orchestration), s; charged like the host figure',
    preset: (spec) => spec.execution.onChipKernelOverhead,
    sensitivity: true,
    sweepExample: '1e-7..1e-5:x5',
  },
  stepOverhead: {
    ...seconds,
    unit: UNIT.microseconds,
    label: 'Step overhead',
    description: "Software stack cost per forward pass, s: added once to every prefill and decode step's time",
    preset: (spec) => spec.execution.stepOverhead,
    sensitivity: true,
    sweepExample: '1e-4..1e-2:x5',
  },
  sequenceStepOverhead: {
    ...seconds,
    unit: UNIT.microseconds,
    label: 'Sequence step overhead',
    description:
      'Software stack cost per sequence per forward pass (sampling, bookkeeping), s: added to each step once for every sequence in the batch',
    preset: (spec) => spec.execution.sequenceStepOverhead,
    sensitivity: true,
    sweepExample: '1e-6..1e-4:x5',
  },
  collectiveLatency: {
    ...seconds,
    unit: UNIT.microseconds,
    label: 'Collective latency',
    description:
      "The software stack's fixed cost of one collective call (dispatch, the wait for the slowest peer), s: added to every all-reduce and gather on top of the collective algorithm's own base and per-step latencies",
    preset: (spec) => spec.interconnect.collectiveLatency,
    sensitivity: true,
    sweepExample: '1e-6..1e-4:x5',
  },
  collectiveStepLatency: {
    ...seconds,
    unit: UNIT.microseconds,
    label: 'Collective step latency',
    description:
      "Latency of one step of the interconnect's collective algorithm in its lowest-latency protocol (NCCL's LL on a GPU fabric, an exchange over the SN40L's P2P links), s: an override scales every protocol's step latency by it",
    preset: (spec) => referenceStepLatency(spec.interconnect.collectiveAlgorithm),
    sensitivity: true,
    sweepExample: '0.5e-6..4e-6:x2',
  },
  programLoad: {
    ...seconds,
    unit: UNIT.milliseconds,
    label: 'Program load',
    description:
      "Loading a switched-in model's programs onto the chips, s: added to every model switch before its weights are copied",
    preset: (spec) => spec.execution.programLoad,
    sensitivity: true,
    sweepExample: '1e-3..1:x4',
  },
  interconnectBandwidth: {
    ...bandwidth,
    label: 'Interconnect bandwidth',
    description:
      "Chip-to-chip bandwidth per chip, one way, bytes/s: a ring all-reduce moves 2(n − 1)/n of its buffer through each chip's link, an all-gather (n − 1)/n",
    preset: (spec) => spec.interconnect.bandwidth,
    sensitivity: true,
    sweepExample: '1e10..1e12:x5',
  },
  copyBandwidth: {
    ...bandwidth,
    label: 'Copy bandwidth',
    description:
      "Capacity tier to HBM copy rate for the whole system, bytes/s (the model switch path): a switch copies the model's weights at this rate; default: as the scenario's host-link model gives it",
    preset: (spec, { hostLinkModel, chips }) => HOST_LINK_MODEL[hostLinkModel].copyBandwidth(spec.capacityTier, chips),
    sensitivity: true,
    sweepExample: '1e10..1e12:x5',
  },
} as const satisfies Record<string, OverridableFigure>

export type OverridableFigureKey = keyof typeof OVERRIDABLE_FIGURE
/** The figure keys in table order: the ledger's, the schema's and the form's order. */
export const OVERRIDABLE_FIGURES = Object.keys(OVERRIDABLE_FIGURE) as OverridableFigureKey[]
