import { extname } from 'node:path'
import { REPORT_FORMATS, type ReportFormat } from '../../contract/api'
import { defaultUserDataDir, resolveDbPath } from '../dbPath'
import { ConflictError, NotFoundError } from '../services/errors'
import { withContainer, withModelChecks, type CommandOptions, type Output } from './commands'
import { hostLinkFlag } from './contractFlags'
import { writeOutputFile } from './outputFile'
import { UsageError } from './usageError'
import { validationRequest } from './validateCommand'

export interface ReportOptions extends CommandOptions {
  title?: string | undefined
  baseline?: string | undefined
  paper?: boolean | undefined
  validation?: boolean | undefined
  measurements?: string | undefined
  stack?: string | undefined
  pageSize?: string | undefined
}

function formatOf(out: string): ReportFormat {
  const format = extname(out).slice(1).toLowerCase()
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--out: ${out} must end in ${REPORT_FORMATS.map((f) => `.${f}`).join(', ')}`)
  }
  return format as ReportFormat
}

function runIdOf(text: string, what: string): number {
  const id = Number(text)
  if (!Number.isInteger(id) || id < 1) throw new UsageError(`${what}: expected a positive integer, got "${text}"`)
  return id
}

/**
 * `memwall report <runId>… --out F` (or `--paper`, `--validation`): a comparison of stored runs,
 * the paper check or the validation, as HTML, PDF, CSV or JSON, by the file's extension.
 */
export async function reportCommand(runIdTexts: string[], options: ReportOptions, io: Output): Promise<number> {
  const out = options.out
  if (!out) throw new UsageError('report: --out F is required (.html, .pdf, .csv or .json)')
  const format = formatOf(out)
  const pageSize = options.pageSize ?? 'A4'
  if (pageSize !== 'A4' && pageSize !== 'Letter')
    throw new UsageError(`--page-size: expected A4 or Letter, got "${pageSize}"`)
  const kinds = [runIdTexts.length > 0, options.paper === true, options.validation === true].filter(Boolean).length
  if (kinds > 1) throw new UsageError('report: give run ids, --paper or --validation, one of them')
  if (kinds === 0) throw new UsageError('report: give at least one run id, or --paper, or --validation')
  if (!options.validation && (options.measurements !== undefined || options.stack !== undefined))
    throw new UsageError('report: --measurements and --stack apply to --validation only')
  const hostLinkModel = hostLinkFlag(options.hostLink)
  if (options.title !== undefined && options.title.trim() === '')
    throw new UsageError('--title: give a title, not an empty one')
  const runIds = runIdTexts.map((text) => runIdOf(text, 'runId'))
  const baselineRunId = options.baseline === undefined ? undefined : runIdOf(options.baseline, '--baseline')
  const write = (body: Buffer, dbPath: string): number => {
    writeOutputFile(out, body, dbPath)
    io.out(`wrote ${out} (${format.toUpperCase()}, ${body.length} bytes)`)
    return 0
  }
  if (options.paper) {
    // The paper check reads no runs: no store is opened, so no database file is created. The
    // database's path is still resolved, to refuse an --out that would overwrite it.
    const report = await withModelChecks(({ paper }) =>
      paper.export({ format, title: options.title, hostLinkModel, pageSize }),
    )
    return write(report.body, resolveDbPath(options.db, process.env, defaultUserDataDir()))
  }
  if (options.validation) {
    // Like the paper check: no runs read, no database created.
    const validation = validationRequest(options)
    const report = await withModelChecks((checks) =>
      checks.validation.export({ format, title: options.title, pageSize, validation }),
    )
    return write(report.body, resolveDbPath(options.db, process.env, defaultUserDataDir()))
  }
  return withContainer(options, async (container) => {
    let report
    try {
      report = await container.reports.comparison({ runIds, format, title: options.title, baselineRunId, pageSize })
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof ConflictError)
        throw new UsageError(`report: ${error.message}`)
      throw error
    }
    return write(report.body, container.dbPath)
  })
}
