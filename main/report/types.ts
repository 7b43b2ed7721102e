import type { HostLinkModel, PaperReport, ReportFormat, RunDetailDto, ValidationReport } from '../../contract/api'

// The formats are the contract's: the API, the CLI and the renderers share one list.
export { REPORT_FORMATS, type ReportFormat } from '../../contract/api'

/** One hardware constant of a system as a run used it: where it sits in the spec, its value and source. */
export interface ConstantEntry {
  path: string
  value: number
  source: string
}

/** A system's constants, for the provenance appendix. */
export interface SystemConstants {
  systemId: string
  name: string
  constants: ConstantEntry[]
}

/** Everything a comparison report is drawn from; the renderers add nothing but layout. */
export interface ComparisonInput {
  title: string
  /** ISO instant: the only thing that differs between two renders of the same runs. */
  generatedAt: string
  appVersion: string
  simulatorVersion: string
  runs: RunDetailDto[]
  /** The run others are compared with (the first when not chosen). */
  baselineRunId: number
  /** Constants of every system the runs use, by system id. */
  systems: SystemConstants[]
}

export interface PaperInput {
  title: string
  generatedAt: string
  appVersion: string
  simulatorVersion: string
  hostLinkModel: HostLinkModel
  report: PaperReport
}

/** The model set beside published measurements (main/sim/validation): the renderers add only layout. */
export interface ValidationInput {
  title: string
  generatedAt: string
  appVersion: string
  simulatorVersion: string
  report: ValidationReport
}

/** One value of one run: a row of the CSV, a cell of the tables. */
export interface MetricRow {
  runId: number
  label: string
  system: string
  metric: string
  value: number
  unit: string
}

/** A rendered report: its bytes, and how to name and type them. */
export interface RenderedReport {
  format: ReportFormat
  fileName: string
  mimeType: string
  body: Buffer
}
