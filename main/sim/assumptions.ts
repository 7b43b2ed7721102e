import type { SystemSpec } from './hardware/schema'
import type { AssumptionEntry } from './result'
import { findSystem, type Scenario, type SystemOverride } from './scenario/schema'
import { EXECUTION_MODES, bestModeFor, modesFor, type ExecutionMode } from './perf/modes'
import { HOST_LINK_MODEL, HOST_LINK_MODELS } from './hardware/hostLinks'
import {
  OVERRIDABLE_FIGURE,
  OVERRIDABLE_FIGURES,
  type FigureContext,
  type OverridableFigureKey,
} from './hardware/overridableFigures'
import { ownEntry } from './own'
import { applyStack, stackOf } from './stacks/apply'
import { STACK_IDS, STACK_PROFILE, type StackId } from './stacks/registry'
import { BASE_PRECISION, peakFlopsAt, precisionRefusal, type Precision } from './precision'
import { SPECULATIVE_ASSUMPTIONS, SPECULATIVE_DEFAULT } from './perf/speculativeDefaults'

/**
 * A preset with the scenario's overrides applied: the figures the model actually uses, one per
 * line of hardware/overridableFigures.ts (copyBandwidth under the scenario's host-link model).
 */
export type ResolvedSystem = {
  /** The system on its stack: the stack's software figures in place of the preset's. */
  spec: SystemSpec
  mode: ExecutionMode
  /** The software stack it runs (null: its own figures, a custom system's). */
  stack: StackId | null
  /** The workload's precision: the element size of every tensor. */
  precision: Precision
  /** The chip's dense peak at that precision, FLOP/s: what every compute time divides by. */
  peakFlops: number
} & Record<OverridableFigureKey, number>

/** The best mode a system supports: dataflow fusion with on-chip scheduling, else a GPU stack's fusions. */
export function defaultMode(spec: SystemSpec): ExecutionMode {
  return bestModeFor(spec.execution.dataflowFusion)
}

export function supportsMode(spec: SystemSpec, mode: ExecutionMode): boolean {
  return modesFor(spec.execution.dataflowFusion).includes(mode)
}

/** What the figures' defaults depend on: the host links, and the chips (an override, else all). */
function figureContext(
  spec: SystemSpec,
  scenario: Pick<Scenario, 'assumptions'>,
  override: SystemOverride,
): FigureContext {
  return { hostLinkModel: scenario.assumptions.hostLinkModel, chips: override.chips ?? spec.chipCount.value }
}

/**
 * The system as the model runs it. The precision is the workload's (BF16 where none is given, as
 * the paper's experiments run); a chip without a peak at it throws, as the scenario schema refuses.
 */
export function resolveSpec(
  spec: SystemSpec,
  scenario: Pick<Scenario, 'assumptions'> & { workload?: Pick<Scenario['workload'], 'precision'> },
  override: SystemOverride = {},
): ResolvedSystem {
  const stacked = applyStack(spec, override.stack)
  const context = figureContext(stacked, scenario, override)
  const figures = Object.fromEntries(
    OVERRIDABLE_FIGURES.map((key) => [key, override[key] ?? OVERRIDABLE_FIGURE[key].preset(stacked, context).value]),
  ) as Record<OverridableFigureKey, number>
  const precision = scenario.workload?.precision ?? BASE_PRECISION
  const peak = peakFlopsAt(stacked.chip, precision)
  if (peak === undefined) throw new Error(precisionRefusal(spec.id, stacked.chip, precision) ?? 'no peak')
  return {
    spec: stacked,
    mode: override.mode ?? defaultMode(spec),
    stack: stackOf(spec, override.stack),
    precision,
    peakFlops: peak.value,
    ...figures,
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
    description: HOST_LINK_MODELS.map((id) => `${id}: ${HOST_LINK_MODEL[id].description}`).join('; '),
    source:
      '[P Sec. VI-C] models a DGX switch over one PCIe link for the node; per-GPU links make it 4x faster on a DGX, whose GPUs share a PCIe switch uplink in pairs (8x where each GPU has its own link)',
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
  // Listed only where the workload decodes speculatively, so other runs' ledgers stay as they were.
  const speculative = scenario.workload.speculative
  if (speculative) {
    const { proposedTokens, acceptanceRate } = SPECULATIVE_DEFAULT
    ledger.push(
      entry(
        'speculative.proposedTokens',
        speculative.proposedTokens,
        proposedTokens.value,
        `Tokens the draft ${speculative.draftModel} proposes per step, verified by one target pass over k + 1 tokens`,
        proposedTokens.source,
      ),
      entry(
        'speculative.acceptanceRate',
        speculative.acceptanceRate,
        acceptanceRate.value,
        `Probability that the target accepts each proposed token. ${SPECULATIVE_ASSUMPTIONS}`,
        acceptanceRate.source,
      ),
    )
  }
  for (const id of scenario.systems) {
    const own = lookupSystem(id, scenario)
    const override = ownEntry(scenario.systemOverrides, id) ?? {}
    const resolved = resolveSpec(own, scenario, override)
    const spec = resolved.spec
    const context = figureContext(spec, scenario, override)
    const defaultStack = stackOf(own, undefined)
    ledger.push(
      entry(
        `${id}.stack`,
        resolved.stack ?? 'own',
        defaultStack ?? 'own',
        `Software stack: one of ${STACK_IDS.join(', ')}; its figures (efficiencies, host, call and collective costs) are the ones below`,
        defaultStack === null
          ? 'the system defines its own figures'
          : `the system's default stack: ${STACK_PROFILE[defaultStack].label} (for the paper's systems, the paper's pairing)`,
      ),
      entry(
        `${id}.mode`,
        resolved.mode,
        defaultMode(spec),
        `Execution mode: one of ${EXECUTION_MODES.join(', ')}`,
        `the best the system supports: ${bestModeFor(true)} with dataflow fusion, else ${bestModeFor(false)}`,
      ),
      ...OVERRIDABLE_FIGURES.map((key) => {
        const figure = OVERRIDABLE_FIGURE[key]
        const preset = figure.preset(spec, context)
        return entry(`${id}.${key}`, resolved[key], preset.value, figure.description, preset.source)
      }),
    )
  }
  return ledger
}
