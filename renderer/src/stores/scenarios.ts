import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ScenarioDto, ScenarioInput } from '../../../contract/api'
import { getApi } from '../api'

const newestFirst = (a: ScenarioDto, b: ScenarioDto): number =>
  (b.updatedAt ?? b.createdAt).localeCompare(a.updatedAt ?? a.createdAt) || b.id - a.id

/** "<name> (copy)", or "(copy 2)"… when that name is taken. */
export function copyName(name: string, taken: readonly string[]): string {
  const base = `${name} (copy)`
  if (!taken.includes(base)) return base
  let n = 2
  while (taken.includes(`${name} (copy ${n})`)) n++
  return `${name} (copy ${n})`
}

/** Saved scenarios, newest first: created, duplicated, renamed, imported and deleted here. */
export const useScenariosStore = defineStore('scenarios', () => {
  const items = shallowRef<ScenarioDto[]>([])
  const error = ref<string | null>(null)
  const loading = ref(false)
  /** Whether a list has arrived once: until then an empty list means "loading", not "none". */
  const loaded = ref(false)

  async function refresh(limit = 200): Promise<void> {
    loading.value = true
    try {
      items.value = [...(await getApi().scenariosList({ limit }))].sort(newestFirst)
      error.value = null
      loaded.value = true
    } catch (failure) {
      error.value = failure instanceof Error ? failure.message : String(failure)
    } finally {
      loading.value = false
    }
  }

  function upsert(saved: ScenarioDto, replaced?: number): void {
    const others = items.value.filter((item) => item.id !== saved.id && item.id !== replaced)
    items.value = [saved, ...others].sort(newestFirst)
  }

  /**
   * Saves a new scenario, or an edit of saved scenario `id`. An edited configuration comes back
   * as a new row with a new id (the old one leaves the list): use the answer's id from then on.
   * Throws the API's error, which names the field.
   */
  async function save(scenario: ScenarioInput, id?: number): Promise<ScenarioDto> {
    const saved = await getApi().scenariosSave(id === undefined ? { scenario } : { id, scenario })
    upsert(saved, id)
    return saved
  }

  function duplicate(item: ScenarioDto): Promise<ScenarioDto> {
    const name = copyName(
      item.name,
      items.value.map((other) => other.name),
    )
    return save({ ...item.scenario, name })
  }

  function rename(item: ScenarioDto, name: string): Promise<ScenarioDto> {
    return save({ ...item.scenario, name }, item.id)
  }

  async function remove(id: number): Promise<void> {
    await getApi().scenariosDelete({ id })
    items.value = items.value.filter((item) => item.id !== id)
  }

  return { items, error, loading, loaded, refresh, save, duplicate, rename, remove }
})
