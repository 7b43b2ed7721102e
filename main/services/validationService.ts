import type { ValidationReport, ValidationRequest } from '../../contract/api'
import { APP_VERSION } from '../appVersion'
import { renderValidation, type PageSize, type PrintPdf, type RenderedReport, type ReportFormat } from '../report'
import type { SimPool } from '../workers/pool'

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
  run(request: ValidationRequest = {}): Promise<ValidationReport> {
    return this.pool.validationRun(request)
  }

  /** The validation as a report in any format (HTML, PDF, CSV, JSON). */
  async export(request: ValidationExportRequest): Promise<RenderedReport> {
    const report = await this.run(request.validation)
    return renderValidation(
      {
        title: request.title ?? 'Model validation against published measurements',
        generatedAt: this.clock().toISOString(),
        appVersion: APP_VERSION,
        simulatorVersion: report.simulatorVersion,
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
