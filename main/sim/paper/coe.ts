import { resolveSpec, type ResolvedSystem } from '../assumptions'
import { SYSTEM_PRESETS } from '../hardware/presets'
import { MODEL_PRESETS } from '../models/presets'
import { coeCallLatency, expertPlacement, modelBytes, type CoeCallInput } from '../perf/coeCall'
import { machinesNeeded } from '../perf/footprint'
import { switchSeconds } from '../perf/modelSwitch'
import type { Scenario, SystemOverride } from '../scenario/schema'
import { BYTES_PER_ELEMENT } from '../units'
import { ownEntry } from '../own'

export const PAPER_SYSTEMS = ['sn40l-node', 'dgx-a100', 'dgx-h100'] as const
export type PaperSystem = (typeof PAPER_SYSTEMS)[number]
export const PAPER_GPUS = ['dgx-a100', 'dgx-h100'] as const
const GPUS = PAPER_GPUS

/** Samba-CoE: every expert and the router are Llama-2-7B in BF16 [P Sec. II, V]. */
export const SAMBA_COE_EXPERTS = 150
/** The prompt length of the CoE experiments is unpublished [P Sec. VI-C]: ASSUMPTION, NeMo's chatbot prompt. */
export const COE_PROMPT_TOKENS = 128

export type HostLinkModel = Scenario['assumptions']['hostLinkModel']

/** How the paper's experiments run: the host-link model, and overrides of any system's figures. */
export interface PaperSettings {
  hostLinkModel: HostLinkModel
  overrides: Partial<Record<string, SystemOverride>>
}

export function paperSystems({ hostLinkModel, overrides }: PaperSettings): Record<PaperSystem, ResolvedSystem> {
  const scenario = { assumptions: { logitsForLastTokenOnly: true, hostLinkModel } }
  return Object.fromEntries(
    PAPER_SYSTEMS.map((id) => [id, resolveSpec(SYSTEM_PRESETS[id], scenario, ownEntry(overrides, id))]),
  ) as Record<PaperSystem, ResolvedSystem>
}

export function coeInput(batch: number, outputTokens: number, experts: number): CoeCallInput {
  const llama = MODEL_PRESETS['llama2-7b']
  return {
    router: llama,
    expert: llama,
    experts,
    batch,
    promptTokens: COE_PROMPT_TOKENS,
    outputTokens,
    bytesPerElement: BYTES_PER_ELEMENT.bf16,
  }
}

const bySystem = <T>(make: (id: PaperSystem) => T): Record<PaperSystem, T> =>
  Object.fromEntries(PAPER_SYSTEMS.map((id) => [id, make(id)])) as Record<PaperSystem, T>
const byGpu = <T>(make: (id: (typeof GPUS)[number]) => T): Record<(typeof GPUS)[number], T> =>
  Object.fromEntries(GPUS.map((id) => [id, make(id)])) as Record<(typeof GPUS)[number], T>

/** Time to switch one Llama-2-7B expert in, and the SN40L's speedup over each DGX [P Sec. VI-C]. */
export function switchingExperiment(settings: PaperSettings) {
  const systems = paperSystems(settings)
  const expertBytes = modelBytes(MODEL_PRESETS['llama2-7b'], BYTES_PER_ELEMENT.bf16)
  const seconds = bySystem((id) => switchSeconds(systems[id], expertBytes))
  return { expertBytes, seconds, speedup: byGpu((id) => seconds[id] / seconds['sn40l-node']) }
}

/**
 * The largest expert count every paper system can hold: the DGXs keep all experts in 2 TB of
 * host DRAM and run out at 150 [P Sec. VI-C], so the CoE comparison runs just below that.
 */
export function largestCommonExpertCount(settings: PaperSettings, batch: number, outputTokens: number): number {
  const systems = paperSystems(settings)
  let experts = SAMBA_COE_EXPERTS
  while (
    experts > 1 &&
    PAPER_SYSTEMS.some((id) => !expertPlacement(systems[id], coeInput(batch, outputTokens, experts)).fits)
  )
    experts--
  return experts
}

/** CoE call latency per system for each (batch, output tokens) configuration of the paper. */
export function coeExperiment(settings: PaperSettings) {
  const systems = paperSystems(settings)
  return [
    [1, 20],
    [8, 20],
    [1, 200],
    [8, 200],
  ].map(([batch, outputTokens]) => {
    const experts = largestCommonExpertCount(settings, batch!, outputTokens!)
    const calls = bySystem((id) => coeCallLatency(systems[id], coeInput(batch!, outputTokens!, experts))!)
    const sn40l = calls['sn40l-node']
    return {
      batch: batch!,
      outputTokens: outputTokens!,
      experts,
      seconds: bySystem((id) => calls[id].seconds),
      speedup: byGpu((id) => calls[id].seconds / sn40l.seconds),
      expertOnlySpeedup: byGpu((id) => calls[id].expertSeconds / sn40l.expertSeconds),
      switches: bySystem((id) => calls[id].expectedSwitches),
    }
  })
}

/** Llama-2-7B experts each DGX keeps resident in HBM beside the router and a batch-8 KV cache. */
export function gpuHbmExpertCapacity(settings: PaperSettings) {
  const systems = paperSystems(settings)
  return byGpu((id) => expertPlacement(systems[id], coeInput(8, 20, SAMBA_COE_EXPERTS)).residentSlots)
}

/** Machines needed for 10 to 1000 experts in steps of 10 [P Fig. 13]. */
export function footprintExperiment(settings: PaperSettings) {
  const systems = paperSystems(settings)
  const input = coeInput(8, 20, 1)
  return Array.from({ length: 100 }, (_, i) => (i + 1) * 10).map((experts) => ({
    experts,
    nodes: bySystem((id) => machinesNeeded(systems[id], input, experts)),
  }))
}
