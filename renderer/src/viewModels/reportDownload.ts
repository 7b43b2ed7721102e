import type { ReportFileDto } from '../../../contract/api'

/** The bytes of a rendered report, from the base64 the API answers with. */
export function reportBytes(report: ReportFileDto): Uint8Array {
  const binary = atob(report.base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * Saves a rendered report: a download in a browser; in the Electron window the same download
 * opens the system's save dialog.
 */
export function downloadReport(report: ReportFileDto): void {
  const bytes = reportBytes(report)
  const blob = new Blob([bytes.buffer as ArrayBuffer], { type: report.mimeType })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = report.fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
