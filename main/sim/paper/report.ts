import { assumptionLedger } from '../assumptions'
import { SIMULATOR_VERSION } from '../version'
import { ScenarioSchema } from '../scenario/schema'
import {
  COE_PROMPT_TOKENS,
  coeExperiment,
  footprintExperiment,
  gpuHbmExpertCapacity,
  PAPER_GPUS,
  PAPER_SYSTEMS,
  switchingExperiment,
  type HostLinkModel,
  type PaperSettings,
} from './coe'
import { fusionResults } from './fusion'
import { FFT_CONV_CHANNELS } from '../perf/fftConv'
import { gpuBaseline } from './gpuBaseline'
import { llama31Experiment } from './llama31'
import { MONARCH_PUBLISHED, monarchExperiment } from './monarch'
import { ownEntry } from '../own'
import { STACK_PROFILE, type StackId } from '../stacks/registry'

/**
 * The GPU stack of today's deployments: the paper's claim is also checked with the DGXs on it,
 * not only on the 2023 NeMo containers the paper measured against.
 */
export const CURRENT_GPU_STACK: StackId = 'trtllm-2024'

/** `overrides` with both DGXs on `stack` (the rest of each DGX's overrides kept). */
function dgxsOn(stack: StackId, overrides: PaperSettings['overrides']): PaperSettings['overrides'] {
  return {
    ...overrides,
    ...Object.fromEntries(PAPER_GPUS.map((id) => [id, { ...ownEntry(overrides, id), stack }])),
  }
}

/** The experiments' own choices, beside the systems' assumptions in the ledger. */
const EXPERIMENT_ASSUMPTIONS = {
  coePromptTokens: {
    value: COE_PROMPT_TOKENS,
    source: 'ASSUMPTION: [P Sec. VI-C] publishes no prompt length; NeMo’s chatbot prompt [P ref. 57]',
  },
  coeRouting: { value: 'uniform', source: 'ASSUMPTION: each prompt picks any of the experts with equal probability' },
  coeExpertCache: {
    value: 'LRU',
    source: '[P Sec. VI-C]: eviction is LRU; hit rates by Che’s approximation (docs/MODEL.md §6)',
  },
  coeExperts: {
    value: 'largest count every system holds',
    source: '[P Sec. VI-C]: the DGXs run out of memory at 150 experts',
  },
  fusionBatch: { value: 1, source: 'ASSUMPTION: [P Table III] publishes no batch size' },
  fftConvChannels: { value: FFT_CONV_CHANNELS, source: 'ASSUMPTION: [P Table III] gives only the 1M sequence length' },
  llama31Tokens: { value: '128 in / 200 out', source: 'ASSUMPTION: a short chat turn; no published setting' },
  capacityUnits: {
    value: 'decimal (1 GB = 1e9 bytes)',
    source: 'as datasheets quote capacities; binary GiB would add ~7%',
  },
}

/** The paper's headline results [A], for comparison beside the reproduction. */
export const PUBLISHED_HEADLINES = {
  fusionSpeedup: { low: 2, high: 13 },
  footprintRatio: 19,
  switchingSpeedup: { 'dgx-h100': 15, 'dgx-a100': 31 },
  coeSpeedupBatch8Tokens20: { 'dgx-h100': 3.7, 'dgx-a100': 6.6 },
}

/**
 * The reproduction of the SN40L paper's experiments from the model (with `overrides` of any
 * paper system's figures, for sensitivity studies): switching, CoE calls,
 * footprint, fusion, the GPU baseline against NeMo, Llama 3.1 on 16 sockets. `perGpuLinks`
 * switches the DGX copy path to one PCIe link per GPU.
 */
export function paperReport(hostLinkModel: HostLinkModel = 'paper', overrides: PaperSettings['overrides'] = {}) {
  const settings: PaperSettings = { hostLinkModel, overrides }
  const ledgerScenario = ScenarioSchema.parse({
    name: 'paper',
    systems: [...PAPER_SYSTEMS],
    workload: { model: 'llama2-7b', batch: 8, promptTokens: 128, outputTokens: 20 },
    assumptions: { hostLinkModel },
    systemOverrides: overrides,
  })
  const assumptions: Record<string, { value: unknown; source: string }> = {
    ...Object.fromEntries(assumptionLedger(ledgerScenario).map((a) => [a.name, { value: a.value, source: a.source }])),
    ...EXPERIMENT_ASSUMPTIONS,
  }
  const other: PaperSettings = { hostLinkModel: hostLinkModel === 'paper' ? 'perGpuLinks' : 'paper', overrides }
  const footprint = footprintExperiment(settings)
  const fusion = fusionResults(ownEntry(overrides, 'sn40l-node'))
  const fusionSpeedups = fusion.map((f) => f.seconds.unfused / f.seconds.fusedHO)
  return {
    simulatorVersion: SIMULATOR_VERSION,
    hostLinkModel,
    assumptions,
    switching: switchingExperiment(settings),
    coe: coeExperiment(settings),
    /** Switching and CoE under the other host-link model, so both are always shown. */
    otherHostLinkModel: {
      hostLinkModel: other.hostLinkModel,
      switching: switchingExperiment(other),
      coe: coeExperiment(other),
    },
    /** The CoE calls with the DGXs on today's GPU stack: does the paper's claim survive it? */
    currentGpuStack: {
      stack: CURRENT_GPU_STACK,
      label: STACK_PROFILE[CURRENT_GPU_STACK].label,
      coe: coeExperiment({ hostLinkModel, overrides: dgxsOn(CURRENT_GPU_STACK, overrides) }),
    },
    gpuHbmExpertCapacity: gpuHbmExpertCapacity(settings),
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
