import { onBeforeUnmount, ref, shallowRef, watch } from 'vue'
import type { SweepDetailDto } from '../../../contract/api'
import { isLiveSweep, useSweepsStore } from '../stores/sweeps'

/** How often a running sweep's points are fetched again, at most. */
export const SWEEP_REFETCH_MS = 1000

/**
 * One sweep's detail, kept current while it runs: each `onSweepUpdated` that moves its progress
 * refetches the points, at most once a second, and a final status refetches at once.
 */
export function useSweepDetail(id: () => number) {
  const store = useSweepsStore()
  const detail = shallowRef<SweepDetailDto | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastFetch = 0

  async function load(force = false): Promise<void> {
    const wanted = id()
    loading.value = detail.value === null
    lastFetch = Date.now()
    try {
      const fetched = await store.fetchDetail(wanted, { force })
      if (wanted === id()) detail.value = fetched
      error.value = null
    } catch (failure) {
      error.value = failure instanceof Error ? failure.message : String(failure)
    } finally {
      loading.value = false
    }
  }

  function schedule(final: boolean): void {
    clearTimeout(timer)
    const wait = final ? 0 : Math.max(0, lastFetch + SWEEP_REFETCH_MS - Date.now())
    timer = setTimeout(() => void load(true), wait)
  }

  watch(
    () => {
      const summary = store.byId(id())
      return summary ? `${summary.status}:${summary.done}:${summary.failed}` : ''
    },
    (now, before) => {
      const summary = store.byId(id())
      if (!summary || !before || now === before || detail.value === null) return
      schedule(!isLiveSweep(summary.status))
    },
  )
  watch(id, () => {
    detail.value = null
    void load(true)
  })
  onBeforeUnmount(() => clearTimeout(timer))

  return { detail, loading, error, load }
}
