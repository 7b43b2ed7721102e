import { defineStore } from 'pinia'
import { computed, ref, shallowReactive } from 'vue'
import type { ApiInput, PaperReport } from '../../../contract/api'
import { getApi } from '../api'

export type HostLinkModel = NonNullable<ApiInput<'paperReport'>['hostLinkModel']>

/** The paper reproduction (`memwall paper`), per host-link model, fetched once each and kept. */
export const usePaperStore = defineStore('paper', () => {
  const api = getApi()
  const hostLinkModel = ref<HostLinkModel>('paper')
  // Reports are read-only and large: shallow, so Chart.js never meets a Vue proxy.
  const reports = shallowReactive(new Map<HostLinkModel, PaperReport>())
  const loading = ref(false)
  const error = ref<string | null>(null)
  let latest = 0

  const report = computed(() => reports.get(hostLinkModel.value) ?? null)

  /** Shows `model`'s report, fetching it unless kept; a late answer for an older choice is dropped. */
  async function load(model: HostLinkModel = hostLinkModel.value, options: { force?: boolean } = {}): Promise<void> {
    hostLinkModel.value = model
    if (reports.has(model) && !options.force) return
    const request = ++latest
    loading.value = true
    error.value = null
    try {
      const answer = await api.paperReport({ hostLinkModel: model })
      reports.set(model, answer)
    } catch (failure) {
      if (request === latest) error.value = failure instanceof Error ? failure.message : String(failure)
    } finally {
      if (request === latest) loading.value = false
    }
  }

  return { hostLinkModel, reports, loading, error, report, load }
})
