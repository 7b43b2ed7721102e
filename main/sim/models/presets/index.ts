import type { ModelSpec } from '../schema'
import { llama2_7b } from './llama2'

/** The built-in models, keyed by id. */
export const MODEL_PRESETS = {
  'llama2-7b': llama2_7b,
} as const satisfies Record<string, ModelSpec>

export type ModelPresetId = keyof typeof MODEL_PRESETS
export const MODEL_PRESET_IDS = Object.keys(MODEL_PRESETS) as [ModelPresetId, ...ModelPresetId[]]
