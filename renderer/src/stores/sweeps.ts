import { defineStore } from 'pinia'
import { ref, shallowReactive } from 'vue'
import {
  SWEEP_STATUS,
  isActiveSweepStatus,
  type ApiInput,
  type SensitivityDto,
  type SweepDetailDto,
  type SweepStatus,
  type SweepSummaryDto,
} from '../../../contract/api'
import { getApi } from '../api'

/** Whether a sweep is still in progress (the contract's status table says which are). */
export function isLiveSweep(status: SweepStatus): boolean {
  return isActiveSweepStatus(status)
}

/** A sweep that stopped before its last point (neither in progress nor final) can be resumed. */
export function canResumeSweep(sweep: Pick<SweepSummaryDto, 'status' | 'done' | 'points'>): boolean {
  const status = SWEEP_STATUS[sweep.status]
  return !status.active && !status.final && sweep.done < sweep.points
}

function summaryOf(detail: SweepDetailDto): SweepSummaryDto {
  const { scenario: _scenario, pointsData: _points, crossovers: _crossovers, ...summary } = detail
  return summary
}

export type SweepStartInput = ApiInput<'sweepsStart'>
export type SensitivityInput = ApiInput<'sensitivityRun'>

/** Sweeps, newest first, kept current by `onSweepUpdated`; details fetched on demand and cached. */
export const useSweepsStore = defineStore('sweeps', () => {
  const api = getApi()
  const sweeps = ref<SweepSummaryDto[]>([])
  // Details hold every point: shallow, so Chart.js and big arrays never meet Vue proxies.
  const details = shallowReactive(new Map<number, SweepDetailDto>())
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<string | null>(null)
  /** Sweeps resumed here: a live event may then follow their stopped status. */
  const reopened = new Set<number>()

  function byId(id: number): SweepSummaryDto | undefined {
    return sweeps.value.find((sweep) => sweep.id === id)
  }

  /** An event from before a cancel, arriving after it, must not bring the sweep back to life. */
  function isStale(incoming: SweepSummaryDto, current: SweepSummaryDto): boolean {
    return (
      !isLiveSweep(current.status) &&
      isLiveSweep(incoming.status) &&
      incoming.done <= current.done &&
      !reopened.has(incoming.id)
    )
  }

  function put(summary: SweepSummaryDto): void {
    if (!isLiveSweep(summary.status)) reopened.delete(summary.id)
    const index = sweeps.value.findIndex((sweep) => sweep.id === summary.id)
    if (index === -1) sweeps.value = [summary, ...sweeps.value].sort((a, b) => b.id - a.id)
    else sweeps.value.splice(index, 1, summary)
  }

  /** What `onSweepUpdated` does: progress and status into the list. */
  function applyUpdate(summary: SweepSummaryDto): void {
    const current = byId(summary.id)
    if (current && isStale(summary, current)) return
    put(summary)
  }

  api.onSweepUpdated(applyUpdate)

  async function refresh(): Promise<void> {
    loading.value = true
    try {
      const list = await api.sweepsList({ limit: 200 })
      // Keep rows whose newer status arrived by event while the list was in flight.
      sweeps.value = list.map((row) => {
        const current = byId(row.id)
        return current && (isStale(row, current) || current.done > row.done) ? current : row
      })
      error.value = null
      loaded.value = true
    } catch (failure) {
      error.value = failure instanceof Error ? failure.message : String(failure)
    } finally {
      loading.value = false
    }
  }

  /** Starts a sweep; rejects with the API's error (which names the field) when invalid. */
  async function start(input: SweepStartInput): Promise<SweepSummaryDto> {
    const summary = await api.sweepsStart(input)
    applyUpdate(summary)
    return summary
  }

  async function cancel(id: number): Promise<void> {
    put(await api.sweepsCancel({ sweepId: id }))
  }

  async function resume(id: number): Promise<void> {
    reopened.add(id)
    put(await api.sweepsResume({ sweepId: id }))
  }

  async function remove(id: number): Promise<void> {
    await api.sweepsDelete({ sweepId: id })
    sweeps.value = sweeps.value.filter((sweep) => sweep.id !== id)
    details.delete(id)
  }

  async function fetchDetail(id: number, options: { force?: boolean } = {}): Promise<SweepDetailDto> {
    const cached = details.get(id)
    if (cached && !options.force) return cached
    const detail = await api.sweepsGet({ sweepId: id })
    applyUpdate(summaryOf(detail))
    details.set(id, detail)
    return detail
  }

  /** Runs an analysis under a fresh request id, so `cancelSensitivity` can stop it. */
  function runSensitivity(input: SensitivityInput): { requestId: string; result: Promise<SensitivityDto> } {
    const requestId = crypto.randomUUID()
    return { requestId, result: api.sensitivityRun({ ...input, requestId }) }
  }

  async function cancelSensitivity(requestId: string): Promise<void> {
    await api.sensitivityCancel({ requestId })
  }

  return {
    sweeps,
    details,
    loading,
    loaded,
    error,
    byId,
    applyUpdate,
    refresh,
    start,
    cancel,
    resume,
    remove,
    fetchDetail,
    runSensitivity,
    cancelSensitivity,
  }
})
