import { defineStore } from 'pinia'
import { computed, ref, shallowReactive } from 'vue'
import type { ApiInput, RunDetailDto, RunSummaryDto, ScenarioInput } from '../../../contract/api'
import { isFinalStatus } from '../../../contract/channels'
import { getApi } from '../api'

/** A late answer must not undo a newer event: a final status is never replaced by a live one. */
function supersedes(incoming: RunSummaryDto, current: RunSummaryDto): boolean {
  return !(isFinalStatus(current.status) && !isFinalStatus(incoming.status))
}

export type RunPatch = ApiInput<'runsUpdate'>

function summaryOf(detail: RunDetailDto): RunSummaryDto {
  const { scenario: _scenario, result: _result, ...summary } = detail
  return summary
}

/** How many of the newest runs the list keeps: the history browser pages through the rest. */
export const RECENT_RUNS = 200

/** Runs, newest first, kept current by `onRunUpdated`; details are fetched on demand and cached. */
export const useRunsStore = defineStore('runs', () => {
  const api = getApi()
  const runs = ref<RunSummaryDto[]>([])
  // Details hold whole results: shallow, so Chart.js and big arrays never meet Vue proxies.
  const details = shallowReactive(new Map<number, RunDetailDto>())
  const loading = ref(false)
  const error = ref<string | null>(null)

  const finishedRuns = computed(() => runs.value.filter((run) => run.status === 'finished'))

  function byId(id: number): RunSummaryDto | undefined {
    return runs.value.find((run) => run.id === id)
  }

  function upsert(summary: RunSummaryDto): void {
    const index = runs.value.findIndex((run) => run.id === summary.id)
    if (index === -1) {
      runs.value = [...runs.value, summary].sort((a, b) => b.id - a.id)
    } else if (supersedes(summary, runs.value[index]!)) {
      runs.value.splice(index, 1, summary)
    }
  }

  function applyUpdate(summary: RunSummaryDto): void {
    upsert(summary)
    const cached = details.get(summary.id)
    if (cached && isFinalStatus(summary.status) && cached.status !== summary.status) details.delete(summary.id)
  }

  api.onRunUpdated(applyUpdate)

  async function refresh(): Promise<void> {
    loading.value = true
    try {
      const { runs: list } = await api.runsList({ limit: RECENT_RUNS })
      // Keep rows whose final status arrived by event while the list was in flight.
      runs.value = list.map((row) => {
        const current = byId(row.id)
        return current && !supersedes(row, current) ? current : row
      })
      error.value = null
    } catch (failure) {
      error.value = failure instanceof Error ? failure.message : String(failure)
    } finally {
      loading.value = false
    }
  }

  /** Starts a run; rejects with the API's error (which names the offending field) when invalid. */
  async function start(scenario: ScenarioInput, label?: string, seeds = 1): Promise<RunSummaryDto> {
    const summary = await api.runsStart({ scenario, ...(label ? { label } : {}), ...(seeds > 1 ? { seeds } : {}) })
    upsert(summary)
    return summary
  }

  async function cancel(id: number): Promise<void> {
    upsert(await api.runsCancel({ runId: id }))
  }

  /** Changes a run's label, notes, star or tags; the answer replaces the summary and any cached detail's fields. */
  async function update(patch: RunPatch): Promise<RunSummaryDto> {
    const summary = await api.runsUpdate(patch)
    upsert(summary)
    const cached = details.get(summary.id)
    if (cached) details.set(summary.id, { ...cached, ...summary })
    return summary
  }

  async function fetchDetail(id: number, options: { force?: boolean } = {}): Promise<RunDetailDto> {
    const cached = details.get(id)
    if (cached && !options.force) return cached
    const detail = await api.runsGet({ runId: id })
    upsert(summaryOf(detail))
    const current = byId(id)
    // Cache only what is current; a detail older than the newest event would hide the result.
    if (!current || current.status === detail.status) details.set(id, detail)
    return detail
  }

  return {
    runs,
    details,
    loading,
    error,
    finishedRuns,
    byId,
    refresh,
    start,
    cancel,
    update,
    fetchDetail,
    applyUpdate,
  }
})
