import { q } from '../quantity'
import { PAPER_SEC_I, PAPER_SEC_IV_D, PAPER_SEC_VI_C } from '../hardware/presets/sources'
import { carried } from './gpuAssumptions'
import { nemo2023 } from './nemo2023'
import type { StackFigures, StackProfile } from './schema'

/** SambaNova's own stack as the paper measured it on SN40L [P Sec. IV-D, VI-C]: nothing fitted. */
export const SAMBAFLOW_FIGURES: StackFigures = {
  computeEfficiency: q(
    0.9,
    `ASSUMPTION: after ${PAPER_SEC_VI_C}, ~90% of PCUs/PMUs busy on CoE expert decode, taken as the achievable fraction of peak FLOP/s`,
  ),
  attentionEfficiency: q(
    0.9,
    `ASSUMPTION: attention is spatially fused into the decoder-layer kernel ${PAPER_SEC_VI_C}, its products on the PCUs at the GEMMs' rate`,
  ),
  memoryEfficiency: q(0.85, `${PAPER_SEC_VI_C}: ~85% of peak HBM bandwidth achieved on CoE expert decode`),
  hostKernelOverhead: q(
    20e-6,
    `ASSUMPTION: ${PAPER_SEC_IV_D} a host-scheduled call runs Program Load, Argument Load and Kernel Execute, three PCIe transactions, after the framework's per-operator dispatch (10 to 20 µs in PyTorch eager); ~20 µs, unpublished`,
  ),
  onChipKernelOverhead: q(
    1e-6,
    `ASSUMPTION: ${PAPER_SEC_IV_D} the AGCUs schedule kernels on chip (hardware orchestration), removing most per-call cost; ~1 µs, unpublished`,
  ),
  stepOverhead: q(0, 'ASSUMPTION: the paper measures kernels end to end and names no further per-pass cost'),
  // The host-side work per sequence per decode step (sampling, stop checks, handing back the
  // token) of a serving loop on an x86 host: the paper publishes none for the SN40L.
  ...carried(
    { sequenceStepOverhead: nemo2023.families.h100!.figures.sequenceStepOverhead },
    'the host work per sequence per decode step of a serving loop on an x86 host; the paper publishes none for the SN40L, so the DGX H100 host figure fitted to NeMo [P ref. 57] stands in',
  ),
  collectiveLatency: q(
    0,
    `ASSUMPTION: collectives run inside the dataflow kernels over the P2P links ${PAPER_SEC_I}: no call of their own; their exchanges' latencies are the interconnect's algorithm's (perf/collectiveAlgorithms.ts)`,
  ),
}

export const sambaflow2024: StackProfile = {
  label: 'SambaFlow (paper, 2024)',
  description: 'SambaNova’s stack on SN40L as the paper measured it (MICRO 2024): the paper’s own figures',
  families: { sn40l: { figures: SAMBAFLOW_FIGURES, fitted: {} } },
}
