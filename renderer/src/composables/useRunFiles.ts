import { ref } from 'vue'
import { useRunHistoryStore } from '../stores/runHistory'
import { bundleFileName, importSummary, parseBundleText } from '../viewModels/runFiles'

/** Saves a value as a JSON file through a temporary object URL and `<a download>`. */
export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoke later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/**
 * Export of selected runs as a bundle file and import of one (from a file input or a drop):
 * `busy` while a call is out, then either `notice` or `error` says how it went.
 */
export function useRunFiles() {
  const history = useRunHistoryStore()
  const busy = ref(false)
  const notice = ref<string | null>(null)
  const error = ref<string | null>(null)

  async function attempt(work: () => Promise<string | null>): Promise<void> {
    busy.value = true
    notice.value = null
    error.value = null
    try {
      notice.value = await work()
    } catch (failure) {
      error.value = failure instanceof Error ? failure.message : String(failure)
    } finally {
      busy.value = false
    }
  }

  function exportRuns(runIds: number[]): Promise<void> {
    return attempt(async () => {
      const bundle = await history.exportBundle(runIds)
      downloadJson(bundleFileName(runIds), bundle)
      return null
    })
  }

  function importFile(file: File): Promise<void> {
    return attempt(async () => {
      const parsed = parseBundleText(file.name, await file.text())
      if (!parsed.ok) throw new Error(parsed.message)
      try {
        return importSummary(await history.importBundle(parsed.value))
      } catch (failure) {
        // The API names the field at fault (`bundle.runs.0.checksum: …`); say which file it was.
        throw new Error(
          `Could not import ${file.name}: ${failure instanceof Error ? failure.message : String(failure)}`,
        )
      }
    })
  }

  return { busy, notice, error, exportRuns, importFile }
}
