import type { RunDetailDto } from '../../contract/api'
import { APP_VERSION } from '../appVersion'
import { renderComparison, type PageSize, type PrintPdf, type RenderedReport, type ReportFormat } from '../report'
import { byCodePoint } from '../report/format'
import type { SystemConstants } from '../report/types'
import { resolveSystem, SIMULATOR_VERSION } from '../sim'
import type { Store } from '../store'
import { ConflictError, NotFoundError } from './errors'

export interface ComparisonRequest {
  runIds: number[]
  format: ReportFormat
  title?: string | undefined
  /** The run the others are compared with; the first when absent. */
  baselineRunId?: number | undefined
  pageSize?: PageSize | undefined
}

/** Every `{ value: number, source }` in a system spec, with its path: the constants a report cites. */
function constantsOf(value: unknown, path: string, out: SystemConstants['constants']): void {
  if (value === null || typeof value !== 'object') return
  const record = value as Record<string, unknown>
  if (typeof record.value === 'number' && typeof record.source === 'string') {
    out.push({ path, value: record.value, source: record.source })
    return
  }
  for (const [key, child] of Object.entries(record)) constantsOf(child, path ? `${path}.${key}` : key, out)
}

/**
 * Reports drawn from stored runs (PaperService reports the paper check): gathers the runs, the
 * constants of every system they use and the versions, then hands them to main/report to render.
 * The clock is the only input that changes between two renders of the same runs.
 */
export class ReportService {
  constructor(
    private readonly store: Store,
    private readonly printPdf: PrintPdf,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async comparison(request: ComparisonRequest): Promise<RenderedReport> {
    const runIds = [...new Set(request.runIds)]
    const runs = runIds.map((id) => this.finishedRun(id))
    const baselineRunId = request.baselineRunId ?? runIds[0]!
    if (!runIds.includes(baselineRunId)) {
      throw new ConflictError(`baseline run ${baselineRunId} is not one of the runs reported (${runIds.join(', ')})`)
    }
    // Keyed by the spec itself: two runs may hold different custom systems (or one preset on two
    // stacks) under one id. The spec is the one the run ran: its stack's figures applied.
    const systems = new Map<string, SystemConstants>()
    for (const run of runs) {
      for (const id of run.scenario.systems) {
        const spec = resolveSystem(id, run.scenario).spec
        const key = JSON.stringify(spec)
        if (systems.has(key)) continue
        const clash = [...systems.values()].some((system) => system.systemId === id)
        const constants: SystemConstants['constants'] = []
        constantsOf(spec, '', constants)
        systems.set(key, { systemId: clash ? `${id} (as in run #${run.id})` : id, name: spec.name, constants })
      }
    }
    return renderComparison(
      {
        title: request.title ?? `Comparison of runs ${runIds.map((id) => `#${id}`).join(', ')}`,
        generatedAt: this.clock().toISOString(),
        appVersion: APP_VERSION,
        simulatorVersion: SIMULATOR_VERSION,
        runs,
        baselineRunId,
        systems: [...systems.values()].sort((a, b) => byCodePoint(a.systemId, b.systemId)),
      },
      {
        format: request.format,
        fileName: `memwall-report-runs-${runIds.join('-')}`,
        pageSize: request.pageSize ?? 'A4',
        printPdf: this.printPdf,
      },
    )
  }

  private finishedRun(id: number): RunDetailDto {
    const run = this.store.runs.getDetail(id)
    if (!run) throw new NotFoundError(`run ${id} does not exist`)
    if (run.status !== 'finished' || !run.result) {
      throw new ConflictError(`run ${id} is ${run.status}: only finished runs have results to report`)
    }
    return run
  }
}
