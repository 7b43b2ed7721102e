import { defineStore } from 'pinia'
import { shallowReactive } from 'vue'
import type { ReplayReportDto } from '../../../contract/api'
import { getApi } from '../api'

/**
 * The last replay report of each run this window replayed. Reports hold two whole results, so
 * the map is shallow: they are read, never patched.
 */
export const useReplaysStore = defineStore('replays', () => {
  const api = getApi()
  const reports = shallowReactive(new Map<number, ReplayReportDto>())

  /** Re-runs a stored run's scenario and compares; `keep` also stores the replay as a new run. */
  async function replay(runId: number, keep = false): Promise<ReplayReportDto> {
    const report = await api.runsReplay({ runId, keep })
    reports.set(runId, report)
    return report
  }

  return { reports, replay }
})
