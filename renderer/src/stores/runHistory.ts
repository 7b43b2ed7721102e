import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  ApiInput,
  ImportReportDto,
  RunBundle,
  RunQueryInput,
  RunSummaryDto,
  TagCountDto,
} from '../../../contract/api'
import { getApi } from '../api'

/** Live updates refetch the page at most this often: a sweep of runs sends many events a second. */
export const LIVE_REFETCH_MS = 1000

function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure)
}

/**
 * One page of the run history for a query, the tags in use, and what a user does to stored runs
 * (star, tag, delete and undo, export, import). `onRunUpdated` patches a row on the page at once
 * and refetches the page, throttled, so new and finished runs land where the query puts them.
 */
export const useRunHistoryStore = defineStore('runHistory', () => {
  const api = getApi()
  const runs = ref<RunSummaryDto[]>([])
  const total = ref(0)
  const tags = ref<TagCountDto[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)
  let query: RunQueryInput | null = null
  let latest = 0
  let refetchTimer: ReturnType<typeof setTimeout> | null = null

  async function load(next: RunQueryInput): Promise<void> {
    query = next
    const ticket = ++latest
    loading.value = true
    try {
      const found = await api.runsList(next)
      if (ticket !== latest) return // a newer query answered or is on its way
      runs.value = found.runs
      total.value = found.total
      error.value = null
    } catch (failure) {
      if (ticket === latest) error.value = messageOf(failure)
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  function reload(): Promise<void> {
    return query ? load(query) : Promise.resolve()
  }

  async function loadTags(): Promise<void> {
    try {
      tags.value = await api.tagsList({})
    } catch (failure) {
      error.value = messageOf(failure)
    }
  }

  function replaceRow(summary: RunSummaryDto): void {
    const index = runs.value.findIndex((run) => run.id === summary.id)
    if (index !== -1) runs.value.splice(index, 1, summary)
  }

  api.onRunUpdated((summary) => {
    replaceRow(summary)
    if (!query || refetchTimer) return
    refetchTimer = setTimeout(() => {
      refetchTimer = null
      void reload()
    }, LIVE_REFETCH_MS)
  })

  /** Label, notes, star or the whole tag set; the row shows the answer. */
  async function update(patch: ApiInput<'runsUpdate'>): Promise<RunSummaryDto> {
    const summary = await api.runsUpdate(patch)
    replaceRow(summary)
    if (patch.tags) void loadTags()
    return summary
  }

  /** Soft-deletes runs and refetches the page; `restore` with the same ids undoes it. */
  async function remove(runIds: number[]): Promise<number[]> {
    const deleted = await api.runsDelete({ runIds })
    await Promise.all([reload(), loadTags()])
    return deleted.runIds
  }

  async function restore(runIds: number[]): Promise<number[]> {
    const restored = await api.runsRestore({ runIds })
    await Promise.all([reload(), loadTags()])
    return restored.runIds
  }

  function exportBundle(runIds: number[]): Promise<RunBundle> {
    return api.runsExport({ runIds })
  }

  /** Stores a parsed bundle file; the API refuses it whole when any run in it is invalid. */
  async function importBundle(bundle: unknown): Promise<ImportReportDto> {
    const report = await api.runsImport({ bundle })
    await Promise.all([reload(), loadTags()])
    return report
  }

  return {
    runs,
    total,
    tags,
    loading,
    error,
    load,
    reload,
    loadTags,
    update,
    remove,
    restore,
    exportBundle,
    importBundle,
  }
})
