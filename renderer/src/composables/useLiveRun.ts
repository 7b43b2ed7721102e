import { computed, ref, watch } from 'vue'
import { isFinalStatus } from '../../../contract/channels'
import { useRunsStore } from '../stores/runs'

/**
 * One run as a detail page shows it: its live summary (status and progress from events) and its
 * detail (scenario and result), fetched on open and again when the run reaches a final status.
 */
export function useLiveRun(id: () => number) {
  const runs = useRunsStore()
  const loadError = ref<string | null>(null)

  const detail = computed(() => runs.details.get(id()))
  const summary = computed(() => runs.byId(id()) ?? detail.value)

  async function load(force = false): Promise<void> {
    try {
      await runs.fetchDetail(id(), { force })
      loadError.value = null
    } catch (failure) {
      loadError.value = failure instanceof Error ? failure.message : String(failure)
    }
  }

  watch(id, () => void load(), { immediate: true })
  watch(
    () => summary.value?.status,
    (status) => {
      if (status && isFinalStatus(status) && detail.value?.status !== status) void load()
    },
  )

  return { summary, detail, loadError, reload: () => load(true) }
}
