import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ValidationReport } from '../../../contract/api'
import { getApi } from '../api'

/**
 * The validation of the shipped measurement set, fetched once and kept: every run page reads
 * its stack's error from it, and simulating every measurement again per page would be waste.
 */
export const useShippedValidationStore = defineStore('shippedValidation', () => {
  const api = getApi()
  // Read-only and large: shallow, so no deep proxy is built over its rows.
  const report = shallowRef<ValidationReport | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let pending: Promise<void> | null = null

  /** Fetches the report unless kept or already on its way; a failure is kept as a message, and the next call retries. */
  function load(): Promise<void> {
    if (report.value !== null) return Promise.resolve()
    pending ??= (async () => {
      loading.value = true
      error.value = null
      try {
        const answer: ValidationReport | undefined = await api.validationRun({})
        // A transport that answers nothing must leave a note, not a page that throws on rows.
        if (!Array.isArray(answer?.rows)) throw new Error('no validation report came back')
        report.value = answer
      } catch (failure) {
        error.value = failure instanceof Error ? failure.message : String(failure)
      } finally {
        loading.value = false
        pending = null
      }
    })()
    return pending
  }

  return { report, loading, error, load }
})
