import type { ModelSpec } from '../schema'
import { bloom_176b } from './bloom'
import { falcon_40b } from './falcon'
import { llama2_13b, llama2_70b, llama2_7b } from './llama2'
import { llama31_405b, llama31_70b, llama31_8b } from './llama3'
import { llava15_7b } from './llava'
import { mistral_7b } from './mistral'
import { sparsegpt_13b } from './sparsegpt'

/** The built-in models, keyed by id. */
export const MODEL_PRESETS = {
  'llama2-7b': llama2_7b,
  'llama2-13b': llama2_13b,
  'llama2-70b': llama2_70b,
  'mistral-7b': mistral_7b,
  'falcon-40b': falcon_40b,
  'bloom-176b': bloom_176b,
  'llava1.5-7b': llava15_7b,
  'llama3.1-8b': llama31_8b,
  'llama3.1-70b': llama31_70b,
  'llama3.1-405b': llama31_405b,
  'sparsegpt-13b': sparsegpt_13b,
} as const satisfies Record<string, ModelSpec>

export type ModelPresetId = keyof typeof MODEL_PRESETS
export const MODEL_PRESET_IDS = Object.keys(MODEL_PRESETS) as [ModelPresetId, ...ModelPresetId[]]
