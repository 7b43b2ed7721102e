import type { SystemSpec } from '../schema'
import { dgxA100 } from './dgxA100'
import { dgxH100 } from './dgxH100'
import { dgxH200 } from './dgxH200'
import { mi300xPlatform } from './mi300x'
import { sn40lNode, sn40lNode16, sn40lSocketSystem } from './sn40l'

/** The built-in systems, keyed by id. A new preset is one file and one line here. */
export const SYSTEM_PRESETS = {
  'sn40l-node': sn40lNode,
  'dgx-a100': dgxA100,
  'dgx-h100': dgxH100,
  'sn40l-socket': sn40lSocketSystem,
  'sn40l-node-16': sn40lNode16,
  'dgx-h200': dgxH200,
  'mi300x-platform': mi300xPlatform,
} as const satisfies Record<string, SystemSpec>

export type SystemPresetId = keyof typeof SYSTEM_PRESETS
export const SYSTEM_PRESET_IDS = Object.keys(SYSTEM_PRESETS) as [SystemPresetId, ...SystemPresetId[]]
