import { SYSTEM_PRESETS, type SystemPresetId } from './hardware/presets'
import type { SystemSpec } from './hardware/schema'
import type { AssumptionEntry } from './result'
import type { Scenario } from './scenario/schema'

/** A preset with the scenario's overrides applied: the figures the model actually uses. */
export interface ResolvedSystem {
  spec: SystemSpec
  chips: number
  computeEfficiency: number
  memoryEfficiency: number
}

export function resolveSystem(id: SystemPresetId, scenario: Scenario): ResolvedSystem {
  const spec = SYSTEM_PRESETS[id]
  const override = scenario.systemOverrides[id] ?? {}
  return {
    spec,
    chips: override.chips ?? spec.chipCount.value,
    computeEfficiency: override.computeEfficiency ?? spec.chip.computeEfficiency.value,
    memoryEfficiency: override.memoryEfficiency ?? spec.chip.memoryEfficiency.value,
  }
}

const GLOBAL_ASSUMPTIONS = {
  logitsForLastTokenOnly: {
    defaultValue: true,
    description: 'Prefill computes logits for the last prompt token only; the others are never sampled.',
    source:
      'ASSUMPTION: what serving stacks (vLLM, TensorRT-LLM) do; set false to charge the LM head for every prompt token',
  },
} as const

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
    const resolved = resolveSystem(id, scenario)
    const { chip, chipCount } = resolved.spec
    ledger.push(
      entry(
        `${id}.computeEfficiency`,
        resolved.computeEfficiency,
        chip.computeEfficiency.value,
        'Achievable fraction of peak FLOP/s',
        chip.computeEfficiency.source,
      ),
      entry(
        `${id}.memoryEfficiency`,
        resolved.memoryEfficiency,
        chip.memoryEfficiency.value,
        'Achievable fraction of peak HBM bandwidth',
        chip.memoryEfficiency.source,
      ),
      entry(
        `${id}.chips`,
        resolved.chips,
        chipCount.value,
        'Chips the model is split over, ideal tensor parallelism (collectives not yet modelled)',
        chipCount.source,
      ),
    )
  }
  return ledger
}
