import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { PresetsDto } from '../../../contract/api'
import { getApi } from '../api'

/** The built-in systems and models; they never change while the app runs, so they load once. */
export const usePresetsStore = defineStore('presets', () => {
  const systems = shallowRef<PresetsDto['systems']>([])
  const models = shallowRef<PresetsDto['models']>([])
  const simulatorVersion = ref('')
  const error = ref<string | null>(null)
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    loading ??= getApi()
      .presetsList({})
      .then((presets) => {
        systems.value = presets.systems
        models.value = presets.models
        simulatorVersion.value = presets.simulatorVersion
        error.value = null
      })
      .catch((failure: unknown) => {
        error.value = failure instanceof Error ? failure.message : String(failure)
        loading = null // let a later call try again
      })
    return loading
  }

  return { systems, models, simulatorVersion, error, load }
})
