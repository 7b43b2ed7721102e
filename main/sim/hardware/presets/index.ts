import type { SystemSpec } from '../schema'
import { dgxA100 } from './dgxA100'
import { dgxH100 } from './dgxH100'
import { sn40lNode } from './sn40l'

/** The built-in systems, keyed by id. A new preset is one file and one line here. */
export const SYSTEM_PRESETS = {
  'sn40l-node': sn40lNode,
  'dgx-a100': dgxA100,
  'dgx-h100': dgxH100,
} as const satisfies Record<string, SystemSpec>

export type SystemPresetId = keyof typeof SYSTEM_PRESETS
export const SYSTEM_PRESET_IDS = Object.keys(SYSTEM_PRESETS) as [SystemPresetId, ...SystemPresetId[]]
