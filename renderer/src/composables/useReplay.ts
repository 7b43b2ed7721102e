import { computed, ref } from 'vue'
import { useReplaysStore } from '../stores/replays'

/** Replaying one run from its detail page: the last report, whether a call is out, and its error. */
export function useReplay(id: () => number) {
  const replays = useReplaysStore()
  const busy = ref<'replay' | 'keep' | null>(null)
  const error = ref<string | null>(null)
  const report = computed(() => replays.reports.get(id()) ?? null)

  async function run(keep: boolean): Promise<void> {
    busy.value = keep ? 'keep' : 'replay'
    error.value = null
    try {
      await replays.replay(id(), keep)
    } catch (failure) {
      error.value = failure instanceof Error ? failure.message : String(failure)
    } finally {
      busy.value = null
    }
  }

  return { report, busy, error, replay: () => run(false), keep: () => run(true) }
}
