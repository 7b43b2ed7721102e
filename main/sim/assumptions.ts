import type { SystemSpec } from './hardware/schema'
import type { Quantity } from './quantity'
import type { AssumptionEntry } from './result'
import { findSystem, type Scenario, type SystemOverride } from './scenario/schema'
import { EXECUTION_MODES, type ExecutionMode } from './perf/kernels'
import { ownEntry } from './own'

/** A preset with the scenario's overrides applied: the figures the model actually uses. */
export interface ResolvedSystem {
  spec: SystemSpec
  chips: number
  mode: ExecutionMode
  computeEfficiency: number
  memoryEfficiency: number
  hostKernelOverhead: number
  onChipKernelOverhead: number
  stepOverhead: number
  sequenceStepOverhead: number
  hopLatency: number
  programLoad: number
  interconnectBandwidth: number
  /** Capacity tier → HBM, whole system, under the scenario's host-link model. */
  copyBandwidth: number
}

type NumericOverride = Exclude<keyof SystemOverride, 'mode' | 'chips' | 'copyBandwidth'>

/** Each per-system figure a scenario may override, where its default lives, and what it means. */
const SYSTEM_FIGURES: Record<NumericOverride, { quantity: (s: SystemSpec) => Quantity; description: string }> = {
  computeEfficiency: { quantity: (s) => s.chip.computeEfficiency, description: 'Achievable fraction of peak FLOP/s' },
  memoryEfficiency: {
    quantity: (s) => s.chip.memoryEfficiency,
    description: 'Achievable fraction of peak HBM bandwidth',
  },
  hostKernelOverhead: {
    quantity: (s) => s.execution.hostKernelOverhead,
    description: 'Cost of one host-scheduled kernel call, s',
  },
  onChipKernelOverhead: {
    quantity: (s) => s.execution.onChipKernelOverhead,
    description: 'Cost of one kernel call scheduled on chip, s',
  },
  stepOverhead: { quantity: (s) => s.execution.stepOverhead, description: 'Software stack cost per forward pass, s' },
  sequenceStepOverhead: {
    quantity: (s) => s.execution.sequenceStepOverhead,
    description: 'Software stack cost per sequence per forward pass, s',
  },
  hopLatency: {
    quantity: (s) => s.interconnect.hopLatency,
    description: 'Fixed cost of one all-reduce across the chips, s',
  },
  programLoad: { quantity: (s) => s.execution.programLoad, description: "Loading a switched-in model's programs, s" },
  interconnectBandwidth: {
    quantity: (s) => s.interconnect.bandwidth,
    description: 'Chip-to-chip bandwidth per chip, one way, bytes/s',
  },
}
const NUMERIC_OVERRIDES = Object.keys(SYSTEM_FIGURES) as NumericOverride[]

/** The copy rate a host-link model gives: the node's figure as the paper models it, or each chip's own path. */
function defaultCopyBandwidth(
  spec: SystemSpec,
  hostLinkModel: Scenario['assumptions']['hostLinkModel'],
  chips: number,
): number {
  const { capacityTier } = spec
  return hostLinkModel === 'paper' ? capacityTier.copyBandwidth.value : capacityTier.perChipCopyBandwidth.value * chips
}

/** The best mode a system supports: dataflow fusion with on-chip scheduling, else a GPU stack's fusions. */
export function defaultMode(spec: SystemSpec): ExecutionMode {
  return spec.execution.dataflowFusion ? 'fusedHO' : 'kernelFused'
}

export function supportsMode(spec: SystemSpec, mode: ExecutionMode): boolean {
  return spec.execution.dataflowFusion || (mode !== 'fusedSO' && mode !== 'fusedHO')
}

export function resolveSpec(
  spec: SystemSpec,
  scenario: Pick<Scenario, 'assumptions'>,
  override: SystemOverride = {},
): ResolvedSystem {
  const value = (name: NumericOverride): number => override[name] ?? SYSTEM_FIGURES[name].quantity(spec).value
  const chips = override.chips ?? spec.chipCount.value
  const copyBandwidth = override.copyBandwidth ?? defaultCopyBandwidth(spec, scenario.assumptions.hostLinkModel, chips)
  return {
    spec,
    chips,
    mode: override.mode ?? defaultMode(spec),
    computeEfficiency: value('computeEfficiency'),
    memoryEfficiency: value('memoryEfficiency'),
    hostKernelOverhead: value('hostKernelOverhead'),
    onChipKernelOverhead: value('onChipKernelOverhead'),
    stepOverhead: value('stepOverhead'),
    sequenceStepOverhead: value('sequenceStepOverhead'),
    hopLatency: value('hopLatency'),
    programLoad: value('programLoad'),
    interconnectBandwidth: value('interconnectBandwidth'),
    copyBandwidth,
  }
}

export function lookupSystem(id: string, scenario: Scenario): SystemSpec {
  const spec = findSystem(id, scenario)
  if (!spec) throw new Error(`system "${id}" is neither a preset nor in customSystems`)
  return spec
}

export function resolveSystem(id: string, scenario: Scenario): ResolvedSystem {
  return resolveSpec(lookupSystem(id, scenario), scenario, ownEntry(scenario.systemOverrides, id))
}

const GLOBAL_ASSUMPTIONS = {
  logitsForLastTokenOnly: {
    defaultValue: true,
    description: 'Prefill computes logits for the last prompt token only; the others are never sampled.',
    source:
      'ASSUMPTION: what serving stacks (vLLM, TensorRT-LLM) do; set false to charge the LM head for every prompt token',
  },
  hostLinkModel: {
    defaultValue: 'paper',
    description:
      'paper: one copy rate for the whole system, as the paper models a switch; perGpuLinks: each chip its own path',
    source: '[P Sec. VI-C] models a DGX switch over one PCIe link for the node; per-GPU links make it 8x faster',
  },
} as const

/** The scenario-wide assumptions with their defaults, reasons and sources (the form shows them). */
export function globalAssumptions(): {
  name: string
  defaultValue: boolean | string
  description: string
  source: string
}[] {
  return Object.entries(GLOBAL_ASSUMPTIONS).map(([name, a]) => ({ name, ...a }))
}

function entry(
  name: string,
  value: AssumptionEntry['value'],
  defaultValue: AssumptionEntry['value'],
  description: string,
  source: string,
): AssumptionEntry {
  return { name, value, defaultValue, overridden: value !== defaultValue, description, source }
}

/** Every assumption the run used, with its value, its default and where the default comes from. */
export function assumptionLedger(scenario: Scenario): AssumptionEntry[] {
  const ledger: AssumptionEntry[] = Object.entries(GLOBAL_ASSUMPTIONS).map(([name, a]) =>
    entry(name, scenario.assumptions[name as keyof typeof GLOBAL_ASSUMPTIONS], a.defaultValue, a.description, a.source),
  )
  for (const id of scenario.systems) {
    const spec = lookupSystem(id, scenario)
    const resolved = resolveSystem(id, scenario)
    ledger.push(
      entry(
        `${id}.mode`,
        resolved.mode,
        defaultMode(spec),
        `Execution mode: one of ${EXECUTION_MODES.join(', ')}`,
        'the best the system supports: fusedHO with dataflow fusion, else kernelFused',
      ),
      entry(
        `${id}.chips`,
        resolved.chips,
        spec.chipCount.value,
        'Chips the model is split over (tensor parallelism)',
        spec.chipCount.source,
      ),
      ...NUMERIC_OVERRIDES.map((name) => {
        const figure = SYSTEM_FIGURES[name]
        const preset = figure.quantity(spec)
        return entry(`${id}.${name}`, resolved[name], preset.value, figure.description, preset.source)
      }),
      entry(
        `${id}.copyBandwidth`,
        resolved.copyBandwidth,
        defaultCopyBandwidth(spec, scenario.assumptions.hostLinkModel, resolved.chips),
        'Capacity tier to HBM copy rate for the whole system, bytes/s (the model switch path)',
        scenario.assumptions.hostLinkModel === 'paper'
          ? spec.capacityTier.copyBandwidth.source
          : spec.capacityTier.perChipCopyBandwidth.source,
      ),
    )
  }
  return ledger
}
