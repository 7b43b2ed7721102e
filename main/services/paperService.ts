import { APP_VERSION } from '../appVersion'
import { renderPaper, type PageSize, type PrintPdf, type RenderedReport, type ReportFormat } from '../report'
import type { PaperReport } from '../sim'
import type { SimPool } from '../workers/pool'

type HostLinkModel = PaperReport['hostLinkModel']

export interface PaperRequest {
  format: ReportFormat
  title?: string | undefined
  hostLinkModel?: HostLinkModel | undefined
  pageSize?: PageSize | undefined
}

/**
 * The reproduction of the SN40L paper's experiments, under either host-link model, and the same
 * as a report. It reads no stored runs, so it needs the worker pool and nothing else: the CLI
 * can serve `memwall paper` without opening (or creating) a database.
 */
export class PaperService {
  constructor(
    private readonly pool: Pick<SimPool, 'paperReport'>,
    private readonly printPdf: PrintPdf,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Simulated in a worker: the reproduction is too long for the main thread. */
  report(hostLinkModel: HostLinkModel = 'paper'): Promise<PaperReport> {
    return this.pool.paperReport(hostLinkModel)
  }

  /** The paper check as a report in any format (HTML, PDF, CSV, JSON). */
  async export(request: PaperRequest): Promise<RenderedReport> {
    const hostLinkModel = request.hostLinkModel ?? 'paper'
    const report = await this.report(hostLinkModel)
    return renderPaper(
      {
        title: request.title ?? 'SN40L paper check',
        generatedAt: this.clock().toISOString(),
        appVersion: APP_VERSION,
        simulatorVersion: report.simulatorVersion,
        hostLinkModel,
        report,
      },
      {
        format: request.format,
        fileName: `memwall-paper-check${hostLinkModel === 'paper' ? '' : `-${hostLinkModel}`}`,
        pageSize: request.pageSize ?? 'A4',
        printPdf: this.printPdf,
      },
    )
  }
}
