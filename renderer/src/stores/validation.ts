import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { MeasurementFile, ValidationReport, ValidationRequest } from '../../../contract/api'
import { getApi } from '../api'
import { useShippedValidationStore } from './shippedValidation'

/**
 * The validation against measurements (`memwall validate`): the shipped set (kept once fetched,
 * by the store the run pages share), or a file the user loaded. A failed load keeps whatever
 * report was shown.
 */
export const useValidationStore = defineStore('validation', () => {
  const api = getApi()
  const shippedStore = useShippedValidationStore()
  // Reports are read-only: shallow, so Chart.js never meets a Vue proxy.
  const fromFile = shallowRef<ValidationReport | null>(null)
  const showing = ref<'shipped' | 'file'>('shipped')
  const loading = ref(false)
  const error = ref<string | null>(null)
  let latest = 0
  let lastAttempt: () => Promise<void> = () => loadShipped()

  // The request behind the shown report: what Export report sends.
  const fromFileRequest = shallowRef<ValidationRequest | null>(null)

  const report = computed(() => (showing.value === 'file' ? fromFile.value : shippedStore.report))
  const exportRequest = computed<ValidationRequest>(() =>
    showing.value === 'file' ? (fromFileRequest.value ?? {}) : {},
  )

  /** Runs one request; a late answer to an older one is dropped. */
  async function request(ask: () => Promise<ValidationReport>, keep: (report: ValidationReport) => void) {
    const mine = ++latest
    loading.value = true
    error.value = null
    try {
      const answer = await ask()
      if (mine === latest) keep(answer)
    } catch (failure) {
      if (mine === latest) error.value = failure instanceof Error ? failure.message : String(failure)
    } finally {
      if (mine === latest) loading.value = false
    }
  }

  /** Shows the shipped set, computing it unless kept (a failed fetch is tried again). */
  async function loadShipped(): Promise<void> {
    lastAttempt = () => loadShipped()
    const mine = ++latest // an answer for a file still on its way no longer applies
    showing.value = 'shipped'
    error.value = null
    loading.value = shippedStore.report === null
    await shippedStore.load()
    if (mine !== latest) return
    loading.value = false
    error.value = shippedStore.error
  }

  /** Validates a checked measurements file; shown once it answers. */
  async function loadFile(file: MeasurementFile, name: string): Promise<void> {
    lastAttempt = () => loadFile(file, name)
    await request(
      () => api.validationRun({ measurements: file, measurementsName: name }),
      (answer) => {
        fromFile.value = answer
        fromFileRequest.value = { measurements: file, measurementsName: name }
        showing.value = 'file'
      },
    )
  }

  /** The last load again, after it failed. */
  function retry(): Promise<void> {
    return lastAttempt()
  }

  return { showing, report, exportRequest, loading, error, loadShipped, loadFile, retry }
})
