import type { ImportReportDto } from '../../../contract/api'

/**
 * Pure pieces of exporting and importing run bundles: the file name, reading a file's text back,
 * and the sentence an import ends with. `useRunFiles` adds the DOM and the store.
 */

/** `memwall-runs-3-7-9.json`; more than ten runs name the lowest and highest and how many. */
export function bundleFileName(runIds: readonly number[]): string {
  const ids = [...runIds].sort((a, b) => a - b)
  const part = ids.length <= 10 ? ids.join('-') : `${ids[0]}-to-${ids.at(-1)}-${ids.length}-runs`
  return `memwall-runs-${part}.json`
}

export type ParsedFile = { ok: true; value: unknown } | { ok: false; message: string }

/** JSON.parse with an error a person can act on: which file, and what the parser found. */
export function parseBundleText(fileName: string, text: string): ParsedFile {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (failure) {
    const reason = failure instanceof Error ? failure.message : String(failure)
    return { ok: false, message: `${fileName} is not a run bundle: it is not valid JSON (${reason}).` }
  }
}

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/** "Imported 2 runs, 1 duplicate". */
export function importSummary(report: ImportReportDto): string {
  return `Imported ${count(report.imported.length, 'run', 'runs')}, ${count(report.duplicates.length, 'duplicate', 'duplicates')}`
}

/** "Deleted 3 runs". */
export function deletedSummary(runIds: readonly number[]): string {
  return `Deleted ${count(runIds.length, 'run', 'runs')}`
}
