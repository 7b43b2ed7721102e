import { q } from '../../quantity'
import { GB, TB, MB, TERA } from '../../units'
import type { ChipSpec, SystemSpec } from '../schema'
import { PAPER_SEC_I, PAPER_SEC_VI_C, PAPER_TABLE_II } from './sources'

export const sn40lSocket: ChipSpec = {
  name: 'SN40L socket (RDU)',
  peakFlops: q(638 * TERA, `${PAPER_TABLE_II}: 638 BF16 TFLOP/s`),
  sramBytes: q(520 * MB, `${PAPER_TABLE_II}: 520 MB on-chip SRAM`),
  hbmBytes: q(64 * GB, `${PAPER_TABLE_II}: 64 GB HBM`),
  hbmBandwidth: q(1.8 * TB, `${PAPER_TABLE_II}: 1.8 TB/s HBM (Sec. IV says "about 2 TB/s")`),
  computeEfficiency: q(
    0.9,
    `ASSUMPTION: after ${PAPER_SEC_VI_C}, ~90% of PCUs/PMUs busy on CoE expert decode, taken as the achievable fraction of peak FLOP/s`,
  ),
  memoryEfficiency: q(0.85, `${PAPER_SEC_VI_C}: ~85% of peak HBM bandwidth achieved on CoE expert decode`),
}

export const sn40lNode: SystemSpec = {
  id: 'sn40l-node',
  name: 'SN40L node (8 sockets)',
  description: 'Eight SN40L sockets and one x86 host; experts live in the sockets’ DDR.',
  chip: sn40lSocket,
  chipCount: q(8, `${PAPER_SEC_I}: an SN40L node has 8 sockets`),
  capacityTier: {
    name: 'DDR',
    bytes: q(8 * 1.5 * TB, `${PAPER_TABLE_II}: up to 1.5 TB DDR per socket, x 8 sockets`),
    copyBandwidth: q(1 * TB, `${PAPER_SEC_I}, Sec. VI-C: DDR to HBM copies at over 1 TB/s for the node`),
  },
}
