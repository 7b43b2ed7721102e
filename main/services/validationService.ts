import type { ValidationReport, ValidationRequest } from '../../contract/api'
import { APP_VERSION } from '../appVersion'
import { renderValidation, type PageSize, type PrintPdf, type RenderedReport, type ReportFormat } from '../report'
import { SIMULATOR_VERSION } from '../sim'
import type { SimPool } from '../workers/pool'
import { InvalidInputError } from './errors'

export interface ValidationExportRequest {
  format: ReportFormat
  title?: string | undefined
  pageSize?: PageSize | undefined
  validation: ValidationRequest
}

/**
 * The model against published measurements of real machines (`memwall validate`, the
 * Validation view), and the same as a report. Like the paper check it reads no stored runs:
 * the worker pool is all it needs, so the CLI opens no database for it.
 */
export class ValidationService {
  constructor(
    private readonly pool: Pick<SimPool, 'validationRun'>,
    private readonly printPdf: PrintPdf,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Simulated in a worker: a set of long generations is too long for the main thread. */
  async run(request: ValidationRequest = {}): Promise<ValidationReport> {
    const report = await this.pool.validationRun(request)
    // A stack no row has is a typo, not an empty finding.
    if (request.stack !== undefined && report.rows.length === 0) {
      const message = `no row of ${report.measurements} was measured on "${request.stack}"`
      throw new InvalidInputError(`stack: ${message}`, [{ path: ['stack'], message }])
    }
    return report
  }

  /** The validation as a report in any format (HTML, PDF, CSV, JSON). */
  async export(request: ValidationExportRequest): Promise<RenderedReport> {
    const report = await this.run(request.validation)
    return renderValidation(
      {
        title: request.title ?? 'Model validation against published measurements',
        generatedAt: this.clock().toISOString(),
        appVersion: APP_VERSION,
        // The app's simulator: the report says so where a worker answered for another.
        simulatorVersion: SIMULATOR_VERSION,
        report,
      },
      {
        format: request.format,
        fileName: `memwall-validation${request.validation.stack === undefined ? '' : `-${request.validation.stack}`}`,
        pageSize: request.pageSize ?? 'A4',
        printPdf: this.printPdf,
      },
    )
  }
}
