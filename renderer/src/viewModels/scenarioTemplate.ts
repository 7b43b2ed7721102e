import type { PresetsDto, ScenarioInput } from '../../../contract/api'

/**
 * A new scenario from the catalogue: a model and the systems to compare it on, with the workload
 * of the paper's single-model example (batch 8, 1024-token prompts, 128 output tokens) and every
 * other field at the schema's default.
 */
export function scenarioFromPresets(
  presets: Pick<PresetsDto, 'systems' | 'models'>,
  modelId: string,
  systemIds: readonly string[],
): ScenarioInput {
  const model = presets.models.find((candidate) => candidate.id === modelId)
  const names = systemIds.map((id) => presets.systems.find((system) => system.id === id)?.name ?? id)
  return {
    name: `${model?.name ?? modelId} on ${names.join(', ')}`.slice(0, 200),
    systems: [...systemIds],
    workload: {
      model: modelId as ScenarioInput['workload']['model'],
      batch: 8,
      promptTokens: 1024,
      outputTokens: 128,
    },
  }
}
