import { globalAssumptions, MODEL_PRESETS, parameterCount, SIMULATOR_VERSION, SYSTEM_PRESETS } from '../sim'
import type { PresetsDto } from '../../contract/api'

/** The built-in hardware and model catalogue. */
export class PresetService {
  list(): PresetsDto {
    return {
      systems: Object.values(SYSTEM_PRESETS),
      models: Object.values(MODEL_PRESETS).map((model) => ({ ...model, parameters: parameterCount(model) })),
      simulatorVersion: SIMULATOR_VERSION,
      assumptions: globalAssumptions(),
    }
  }
}
