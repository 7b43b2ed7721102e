import type { PaperReport } from '../../../contract/api'
import { paperComparisons } from '../../../contract/paperPresentation'
import {
  coeExperiment,
  footprintExperiment,
  headlinesExperiment,
  switchingExperiment,
  type PaperExperiment,
} from './paperExperiments'
import { assumptionValue } from './paperFormat'
import {
  currentGpuStackExperiment,
  fusionExperiment,
  gpuBaselineExperiment,
  llama31Experiment,
  monarchExperiment,
} from './paperModels'

/** Every experiment of the paper check, in the order the view shows them. */
export function paperExperiments(report: PaperReport): PaperExperiment[] {
  // The comparisons with the paper, formatted once, as `memwall paper` and the report show them.
  const comparisons = paperComparisons(report)
  return [
    headlinesExperiment(report, comparisons),
    coeExperiment(report, comparisons),
    currentGpuStackExperiment(report, comparisons),
    switchingExperiment(report, comparisons),
    footprintExperiment(report),
    fusionExperiment(report),
    monarchExperiment(report, comparisons),
    gpuBaselineExperiment(report, comparisons),
    llama31Experiment(report),
  ]
}

export interface AssumptionRow {
  name: string
  value: string
  source: string
  /** Marked ASSUMPTION in its source: unpublished, chosen by the model. */
  assumed: boolean
}

/** The assumptions behind the report, by name, with their value and source. */
export function paperAssumptions(report: PaperReport): AssumptionRow[] {
  return Object.entries(report.assumptions)
    .map(([name, { value, source }]) => ({
      name,
      value: assumptionValue(value),
      source,
      assumed: source.startsWith('ASSUMPTION'),
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
}
