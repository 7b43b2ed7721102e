import { q, type Quantity } from '../quantity'

/**
 * What a PCIe link delivers to a host-to-HBM copy: its achievable DMA payload rate, derived from
 * the link's generation and width by the protocol's own overheads, each a stated constant.
 *
 *   rate = transfer rate per lane × lanes / 8 bits
 *          × 128/130 (line coding) × 370/371 (SKP ordered sets)
 *          × payload / (payload + per-TLP overhead + DLLP bytes per TLP)
 *
 * Gen4 x16: 16e9 × 16 / 8 = 32 GB/s nominal; × 128/130 = 31.508; × 370/371 = 31.423;
 *           × 256/280 = 28.729 GB/s.
 * Gen5 x16: twice that: 64 → 63.015 → 62.846 → 57.459 GB/s.
 *
 * A host-to-device copy is the device's DMA engine reading host memory: the data comes back in
 * Completion TLPs, one per Max_Payload_Size of data. Left out: the latency × outstanding-read
 * limit (10-bit tags give ≥ 768 reads in flight, more than a µs-scale round trip needs at these
 * rates), root-complex and memory-controller limits, and pageable host memory (see HOST_MEMORY).
 */

export type PcieGeneration = 4 | 5

const SPEC = 'PCI Express Base Specification'

/** Raw signalling rate of one lane, transfers (bits) per second. */
export const PCIE_TRANSFER_RATE: Readonly<Record<PcieGeneration, Quantity>> = {
  4: q(16e9, `${SPEC} Revision 4.0 (PCI-SIG, 2017): 16.0 GT/s per lane`),
  5: q(32e9, `${SPEC} Revision 5.0 (PCI-SIG, 2019): 32.0 GT/s per lane`),
}

/** Payload bits per line bit: 128b/130b, a 2-bit sync header on every 128-bit block (Gen3 to Gen5). */
export const LINE_CODING = q(
  128 / 130,
  `${SPEC} 3.0 and later, Physical Layer: 128b/130b encoding, a 2-bit sync header per 128-bit block`,
)

/** Share of blocks left for packets: one SKP ordered set block per 370 data blocks. */
export const SKP_EFFICIENCY = q(
  370 / 371,
  `${SPEC} 3.0 and later, Physical Layer: at 128b/130b a SKP ordered set is sent every 370 to 375 blocks; taken at 370, its most frequent`,
)

/** Data bytes per Completion TLP. */
export const TLP_PAYLOAD_BYTES = q(
  256,
  `ASSUMPTION: Max_Payload_Size 256 B (the spec allows 128 to 4096 B; 256 B is what x86 server root ports and GPU endpoints commonly negotiate), and the root complex returns each read in completions of that full size`,
)

/** Bytes each TLP adds on the wire at 128b/130b: framing token, header, LCRC. */
export const TLP_OVERHEAD_BYTES = q(
  20,
  `${SPEC} 4.0: 4-byte STP framing token (carrying the TLP length and the 12-bit sequence number, Physical Layer) + 12-byte (3-DW) Completion header (Transaction Layer) + 4-byte LCRC (Data Link Layer); no ECRC`,
)

/** DLLP bytes sharing the data direction, per Completion TLP. */
export const DLLP_BYTES_PER_TLP = q(
  4,
  `ASSUMPTION: one 8-byte DLLP (6 bytes + 2-byte SDP token, ${SPEC} 4.0 Data Link and Physical Layers) in the data direction per two completions: one Ack per 512-byte read request, flow-control updates coalesced`,
)

/** Where the copied weights sit on the host. */
export const HOST_MEMORY =
  'ASSUMPTION: weights copied from pinned (page-locked) host memory, as serving stacks keep offloaded weights, so the device DMAs them directly; pageable memory adds a CPU copy through a staging buffer, not modelled'

export interface PcieLink {
  generation: PcieGeneration
  lanes: number
}

/** Each step of the derivation, bytes/s: nominal, after line coding, after SKP, the payload rate. */
export interface PcieRateSteps {
  nominal: number
  coded: number
  skipped: number
  payload: number
  tlpEfficiency: number
}

export function pcieRateSteps({ generation, lanes }: PcieLink): PcieRateSteps {
  const nominal = (PCIE_TRANSFER_RATE[generation].value * lanes) / 8
  const coded = nominal * LINE_CODING.value
  const skipped = coded * SKP_EFFICIENCY.value
  const payload = TLP_PAYLOAD_BYTES.value
  const tlpEfficiency = payload / (payload + TLP_OVERHEAD_BYTES.value + DLLP_BYTES_PER_TLP.value)
  return { nominal, coded, skipped, payload: skipped * tlpEfficiency, tlpEfficiency }
}

const gbps = (bytesPerSecond: number, digits: number): string => (bytesPerSecond / 1e9).toFixed(digits)

/** The link's achievable host-to-device DMA rate, bytes/s, its source spelling out the derivation. */
export function pcieDmaRate(link: PcieLink): Quantity {
  const steps = pcieRateSteps(link)
  const { generation, lanes } = link
  const perTlp = TLP_PAYLOAD_BYTES.value + TLP_OVERHEAD_BYTES.value + DLLP_BYTES_PER_TLP.value
  return q(
    steps.payload,
    `DERIVED: PCIe Gen${generation} x${lanes} host-to-device DMA, ${gbps(steps.payload, 2)} GB/s = ` +
      `${PCIE_TRANSFER_RATE[generation].value / 1e9} GT/s × ${lanes} lanes / 8 (${gbps(steps.nominal, 0)} GB/s nominal) ` +
      `× 128/130 line coding × 370/371 SKP ordered sets × ${TLP_PAYLOAD_BYTES.value}/${perTlp} ` +
      `(${TLP_PAYLOAD_BYTES.value}-byte completions, ${TLP_OVERHEAD_BYTES.value} bytes of framing, header and LCRC and ${DLLP_BYTES_PER_TLP.value} of DLLPs each). ` +
      `Sources: ${PCIE_TRANSFER_RATE[generation].source}; ${LINE_CODING.source}; ${SKP_EFFICIENCY.source}; ` +
      `${TLP_OVERHEAD_BYTES.source}; ${TLP_PAYLOAD_BYTES.source}; ${DLLP_BYTES_PER_TLP.source}; ${HOST_MEMORY}`,
  )
}

/** The two links the presets use. */
export const PCIE_GEN4_X16 = pcieDmaRate({ generation: 4, lanes: 16 })
export const PCIE_GEN5_X16 = pcieDmaRate({ generation: 5, lanes: 16 })
