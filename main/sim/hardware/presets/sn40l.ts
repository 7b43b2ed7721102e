import { q } from '../../quantity'
import { GB, MB, TB, TERA } from '../../units'
import type { CapacityTierSpec } from '../schema'
import { presetOn, type SiliconSpec } from './onStack'
import { PAPER_SEC_I, PAPER_SEC_IV_D, PAPER_TABLE_II } from './sources'

export const sn40lSocket: SiliconSpec['chip'] = {
  name: 'SN40L socket (RDU)',
  family: 'sn40l',
  peakFlops: q(638 * TERA, `${PAPER_TABLE_II}: 638 BF16 TFLOP/s`),
  // No precisionPeaks: Table II gives BF16 only, and no public FP16, FP8 or INT8 figure exists.
  sramBytes: q(520 * MB, `${PAPER_TABLE_II}: 520 MB on-chip SRAM`),
  hbmBytes: q(64 * GB, `${PAPER_TABLE_II}: 64 GB HBM`),
  hbmBandwidth: q(1.8 * TB, `${PAPER_TABLE_II}: 1.8 TB/s HBM (Sec. IV says "about 2 TB/s")`),
}

const SOCKET_DDR_BYTES = 1.5 * TB
/** [P Sec. I, VI-C]: a node copies DDR to HBM at over 1 TB/s; per socket that is 1/8 of it. */
const NODE_COPY_BANDWIDTH = 1 * TB

export const sn40lInterconnect: SiliconSpec['interconnect'] = {
  bandwidth: q(
    100 * GB,
    `ASSUMPTION: ${PAPER_SEC_I} describes dedicated peer-to-peer links but publishes no bandwidth; 100 GB/s per socket one way, the order of a PCIe Gen5 x16 link; override per scenario`,
  ),
  // Collectives fused into the dataflow kernels over P2P links [P Sec. I]: a latency-optimal exchange.
  collectiveAlgorithm: 'halvingDoubling',
}

export const sn40lExecution: SiliconSpec['execution'] = {
  dataflowFusion: true,
  kernelLaunch: 'sync',
  kernelRamp: q(
    0,
    `ASSUMPTION: an RDU kernel's fixed costs are its Program Load, Argument Load and Kernel Execute calls ${PAPER_SEC_IV_D}, charged as the kernel call overheads; no ramp besides`,
  ),
  overlapExponent: q(
    0,
    `ASSUMPTION: streaming dataflow pipelines a layer's compute under its memory traffic ${PAPER_SEC_I}: the ideal roofline max(c, m)`,
  ),
  programLoad: q(
    0.5e-3,
    `ASSUMPTION: ${PAPER_SEC_IV_D} switching runs the new model's Program Load, duration unpublished; ~0.5 ms, about 10 MB of configuration over the host link`,
  ),
  // [P Fig. 13]: experts sit in DDR and the switch cost is paid in latency.
  footprintPlacement: 'capacityTier',
}

function ddr(sockets: number, copyBandwidth: number, copySource: string): CapacityTierSpec {
  return {
    name: 'DDR',
    bytes: q(sockets * SOCKET_DDR_BYTES, `${PAPER_TABLE_II}: up to 1.5 TB DDR per socket, x ${sockets}`),
    copyBandwidth: q(copyBandwidth, copySource),
    perChipCopyBandwidth: q(
      NODE_COPY_BANDWIDTH / 8,
      `DERIVED from ${PAPER_SEC_I}: each socket copies from its own DDR, 1/8 of the node's measured 1 TB/s (Table II's 200 GB/s DDR is the peak)`,
    ),
  }
}

/** The paper's SN40L on its own stack, as the paper measured it. */
export const sn40lSocketSystem = presetOn(
  {
    id: 'sn40l-socket',
    name: 'SN40L socket',
    description: 'One SN40L socket (two dies) with its HBM and DDR.',
    chip: sn40lSocket,
    chipCount: q(1, `${PAPER_TABLE_II}: one socket`),
    capacityTier: ddr(
      1,
      NODE_COPY_BANDWIDTH / 8,
      `DERIVED from ${PAPER_SEC_I}: over 1 TB/s for 8 sockets, 1/8 per socket`,
    ),
    interconnect: sn40lInterconnect,
    execution: sn40lExecution,
  },
  'sambaflow-2024',
)

export const sn40lNode = presetOn(
  {
    id: 'sn40l-node',
    name: 'SN40L node (8 sockets)',
    description: 'Eight SN40L sockets and one x86 host; experts live in the sockets’ DDR.',
    chip: sn40lSocket,
    chipCount: q(8, `${PAPER_SEC_I}: an SN40L node has 8 sockets`),
    capacityTier: ddr(
      8,
      NODE_COPY_BANDWIDTH,
      `${PAPER_SEC_I}, Sec. VI-C: DDR to HBM copies at over 1 TB/s for the node`,
    ),
    interconnect: sn40lInterconnect,
    execution: sn40lExecution,
  },
  'sambaflow-2024',
)

export const sn40lNode16 = presetOn(
  {
    id: 'sn40l-node-16',
    name: 'SN40L 16 sockets',
    description: 'Two SN40L nodes (16 sockets), as SambaNova serves Llama 3.1 405B.',
    chip: sn40lSocket,
    chipCount: q(16, '[HC] Hot Chips 2024 SN40L talk: 16-socket system (25.6 TB/s HBM in all)'),
    capacityTier: ddr(16, 2 * NODE_COPY_BANDWIDTH, `DERIVED from ${PAPER_SEC_I}: two nodes, over 1 TB/s each`),
    interconnect: sn40lInterconnect,
    execution: sn40lExecution,
  },
  'sambaflow-2024',
)
