import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue'
import type { RunStatus } from '../../../contract/api'
import { isActiveStatus } from '../../../contract/channels'
import { useRunsStore } from '../stores/runs'
import { addSample, elapsedSeconds, estimateRemainingSeconds, type ProgressSample } from '../viewModels/activeRuns'

/** A queued or running run as the panel shows it. */
export interface ActiveRunItem {
  id: number
  name: string
  status: RunStatus
  progress: number
  elapsedSeconds: number
  remainingSeconds: number | null
}

/** A run that left the panel in this window, kept as a link to its result until dismissed. */
export interface EndedRunItem {
  id: number
  name: string
  status: RunStatus
}

/** Ended runs listed at most; the oldest goes first. */
export const MAX_ENDED = 4

/**
 * The active-runs panel's data, read from the runs store (kept current by `onRunUpdated`):
 * progress samples per run for the time left, a one-second clock while anything runs, and the
 * runs that ended while this window watched them.
 */
export function useActiveRuns(clock: () => number = Date.now) {
  const runs = useRunsStore()
  const now = ref(clock())
  const samples = shallowRef(new Map<number, ProgressSample[]>())
  const ended = ref<EndedRunItem[]>([])
  const cancelError = ref<string | null>(null)
  const cancelling = ref<number[]>([])

  const activeRuns = computed(() => runs.runs.filter((run) => isActiveStatus(run.status)).sort((a, b) => a.id - b.id))

  const toEnded = (run: { id: number; label: string | null; scenarioName: string; status: RunStatus }) => ({
    id: run.id,
    name: run.label ?? run.scenarioName,
    status: run.status,
  })

  function observe(): void {
    const at = clock()
    now.value = at
    const next = new Map<number, ProgressSample[]>()
    for (const run of activeRuns.value) {
      const kept = samples.value.get(run.id) ?? []
      next.set(run.id, run.status === 'running' ? addSample(kept, { at, progress: run.progress }) : kept)
    }
    for (const id of samples.value.keys()) {
      const run = next.has(id) ? undefined : runs.byId(id)
      if (run) ended.value = [...ended.value.filter((item) => item.id !== id), toEnded(run)].slice(-MAX_ENDED)
    }
    samples.value = next
  }

  watch(() => activeRuns.value.map((run) => `${run.id}:${run.status}:${run.progress}`).join('|'), observe, {
    immediate: true,
  })

  let timer: ReturnType<typeof setInterval> | undefined
  watch(
    () => activeRuns.value.length > 0,
    (anyActive) => {
      if (anyActive && !timer) timer = setInterval(() => (now.value = clock()), 1000)
      if (!anyActive && timer) {
        clearInterval(timer)
        timer = undefined
      }
    },
    { immediate: true },
  )
  onScopeDispose(() => clearInterval(timer))

  const items = computed<ActiveRunItem[]>(() =>
    activeRuns.value.map((run) => ({
      id: run.id,
      name: run.label ?? run.scenarioName,
      status: run.status,
      progress: run.progress,
      elapsedSeconds: elapsedSeconds(run, now.value),
      remainingSeconds: estimateRemainingSeconds(samples.value.get(run.id) ?? [], now.value),
    })),
  )

  async function cancel(id: number): Promise<void> {
    cancelling.value = [...cancelling.value, id]
    try {
      await runs.cancel(id)
      cancelError.value = null
    } catch (failure) {
      cancelError.value = `Could not cancel run ${id}: ${failure instanceof Error ? failure.message : String(failure)}`
    } finally {
      cancelling.value = cancelling.value.filter((other) => other !== id)
    }
  }

  function dismiss(id: number): void {
    ended.value = ended.value.filter((item) => item.id !== id)
  }

  // Runs started before this window opened (another window, the CLI) appear too.
  void runs.refresh()

  return { items, ended, cancelling, cancelError, cancel, dismiss }
}
