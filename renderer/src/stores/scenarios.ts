import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ScenarioDto } from '../../../preload/api'
import { getApi } from '../api'

/** Saved scenarios (every started run saves its scenario), newest first. */
export const useScenariosStore = defineStore('scenarios', () => {
  const items = shallowRef<ScenarioDto[]>([])
  const error = ref<string | null>(null)

  async function refresh(limit = 50): Promise<void> {
    try {
      items.value = await getApi().scenariosList({ limit })
      error.value = null
    } catch (failure) {
      error.value = failure instanceof Error ? failure.message : String(failure)
    }
  }

  return { items, error, refresh }
})
