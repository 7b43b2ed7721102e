import { assumptionLedger } from '../assumptions'
import { SIMULATOR_VERSION } from '../version'
import { ScenarioSchema } from '../scenario/schema'
import {
  coeExperiment,
  footprintExperiment,
  gpuHbmExpertCapacity,
  PAPER_SYSTEMS,
  switchingExperiment,
  type HostLinkModel,
} from './coe'
import { fusionResults } from './fusion'
import { gpuBaseline } from './gpuBaseline'
import { llama31Experiment } from './llama31'
import { MONARCH_PUBLISHED, monarchExperiment } from './monarch'

/** The paper's headline results [A], for comparison beside the reproduction. */
export const PUBLISHED_HEADLINES = {
  fusionSpeedup: { low: 2, high: 13 },
  footprintRatio: 19,
  switchingSpeedup: { 'dgx-h100': 15, 'dgx-a100': 31 },
  coeSpeedupBatch8Tokens20: { 'dgx-h100': 3.7, 'dgx-a100': 6.6 },
}

/**
 * The reproduction of the SN40L paper's experiments from the model: switching, CoE calls,
 * footprint, fusion, the GPU baseline against NeMo, Llama 3.1 on 16 sockets. `perChipLinks`
 * switches the DGX copy path to one PCIe link per GPU.
 */
export function paperReport(hostLinkModel: HostLinkModel = 'paper') {
  const ledgerScenario = ScenarioSchema.parse({
    name: 'paper',
    systems: [...PAPER_SYSTEMS],
    workload: { model: 'llama2-7b', batch: 8, promptTokens: 128, outputTokens: 20 },
    assumptions: { hostLinkModel },
  })
  const assumptions = Object.fromEntries(
    assumptionLedger(ledgerScenario).map((a) => [a.name, { value: a.value, source: a.source }]),
  )
  const footprint = footprintExperiment(hostLinkModel)
  const fusion = fusionResults()
  const fusionSpeedups = fusion.map((f) => f.seconds.unfused / f.seconds.fusedHO)
  return {
    simulatorVersion: SIMULATOR_VERSION,
    assumptions,
    switching: switchingExperiment(hostLinkModel),
    coe: coeExperiment(hostLinkModel),
    gpuHbmExpertCapacity: gpuHbmExpertCapacity(hostLinkModel),
    footprint,
    fusion,
    monarch: monarchExperiment(),
    gpuBaseline: gpuBaseline(),
    llama31: llama31Experiment(),
    published: { headlines: PUBLISHED_HEADLINES, monarch: MONARCH_PUBLISHED },
    headlines: {
      fusionSpeedup: { low: Math.min(...fusionSpeedups), high: Math.max(...fusionSpeedups) },
      footprintRatio: Math.max(
        ...footprint.map((row) => (row.nodes['dgx-h100'] ?? 0) / (row.nodes['sn40l-node'] ?? Infinity)),
      ),
    },
  }
}

export type PaperReport = ReturnType<typeof paperReport>
