import { q, type Quantity } from '../quantity'

/** The collectives a tensor-parallel pass runs: all-reduces of the residual stream, a gather of logits. */
export type CollectiveKind = 'allReduce' | 'allGather'

/**
 * One way of moving a collective's bytes (NCCL calls them protocols): a fixed latency per call, a
 * latency per algorithm step, and the fraction of the link's bandwidth left for payload.
 */
export interface CollectiveProtocol {
  name: string
  baseLatency: Quantity
  stepLatency: Quantity
  payloadFraction: Record<CollectiveKind, Quantity>
}

/** A collective algorithm over a group of chips: its latency steps, its bytes per link, its protocols. */
export interface CollectiveAlgorithm {
  label: string
  description: string
  /** Latency steps of one collective over `chips` chips. */
  steps: (kind: CollectiveKind, chips: number) => number
  /** Bytes through each chip's link per byte of the buffer (the same for ring and halving-doubling). */
  linkBytes: (kind: CollectiveKind, chips: number) => number
  /** Fraction of the links' nominal bandwidth a large collective reaches (the bus bandwidth). */
  busEfficiency: Quantity
  /** The library picks the protocol with the least predicted time for each call. */
  protocols: readonly CollectiveProtocol[]
}

const ringLinkBytes = (kind: CollectiveKind, chips: number): number =>
  kind === 'allReduce' ? (2 * (chips - 1)) / chips : (chips - 1) / chips

const NCCL_TUNING = 'NCCL src/graph/tuning.cc (2.18–2.21), its built-in tuning model for NVLink'
const us = (value: number, source: string): Quantity => q(value * 1e-6, source)

/**
 * NCCL's ring all-reduce within one NVSwitch node, in the three protocols its tuner chooses
 * between [NCCL_TUNING]: LL (8-byte stores carrying 4 bytes of data and a flag: lowest latency,
 * a quarter of the bandwidth for all-reduce, a third for gathers), LL128 (128-byte lines with 8
 * bytes of flags) and Simple (full bandwidth, a fence per step). Small messages take LL, whose
 * latency grows by only 0.6 µs per step, so a decode all-reduce costs little more on 8 GPUs
 * than on 2; large ones take Simple at the bus bandwidth.
 */
const ncclRing: CollectiveAlgorithm = {
  label: 'NCCL ring (LL / LL128 / Simple)',
  description:
    'NCCL/RCCL ring over a switched fabric (NVSwitch, Infinity Fabric): the protocol NCCL’s tuner picks for each size',
  steps: (kind, chips) => (kind === 'allReduce' ? 2 * (chips - 1) : chips - 1),
  linkBytes: ringLinkBytes,
  busEfficiency: q(
    0.8,
    'ASSUMPTION: published nccl-tests all-reduce bus bandwidths reach ~80% of the NVLink one-way rate at large sizes (~230 of 300 GB/s on DGX A100, ~360 of 450 GB/s on DGX H100 without NVLS)',
  ),
  protocols: [
    {
      name: 'LL',
      baseLatency: us(6.6, `${NCCL_TUNING}: ring LL base latency 6.6 µs`),
      stepLatency: us(0.6, `${NCCL_TUNING}: NVLink LL latency per step 0.6 µs`),
      payloadFraction: {
        allReduce: q(0.25, `${NCCL_TUNING}: ring LL all-reduce bandwidth is 1/4 of the bus bandwidth`),
        allGather: q(1 / 3, `${NCCL_TUNING}: ring LL bandwidth for other collectives is 1/3 of the bus bandwidth`),
      },
    },
    {
      name: 'LL128',
      baseLatency: us(14, `${NCCL_TUNING}: ring LL128 base latency 14 µs`),
      stepLatency: us(1.9, `${NCCL_TUNING}: NVLink LL128 latency per step 1.9 µs`),
      payloadFraction: {
        allReduce: q(0.92, `${NCCL_TUNING}: LL128 carries 120 of every 128 bytes (0.92 within a node)`),
        allGather: q(0.92, `${NCCL_TUNING}: LL128 carries 120 of every 128 bytes (0.92 within a node)`),
      },
    },
    {
      name: 'Simple',
      baseLatency: us(8.4, `${NCCL_TUNING}: ring Simple base latency 8.4 µs`),
      stepLatency: us(3.4, `${NCCL_TUNING}: NVLink Simple latency per step 3.4 µs`),
      payloadFraction: {
        allReduce: q(1, `${NCCL_TUNING}: Simple moves payload only`),
        allGather: q(1, `${NCCL_TUNING}: Simple moves payload only`),
      },
    },
  ],
}

const RABENSEIFNER =
  'R. Thakur, R. Rabenseifner, W. Gropp, "Optimization of Collective Communication Operations in MPICH", IJHPCA 19(1), 2005'

/**
 * Recursive halving then doubling [RABENSEIFNER] over peer-to-peer links: a reduce-scatter in
 * ⌈log₂ n⌉ exchanges with ever closer partners, then an all-gather in as many: the ring's bytes
 * in 2⌈log₂ n⌉ steps instead of 2(n − 1). Taken for the SN40L, whose collectives run inside its
 * dataflow kernels over dedicated P2P links [P Sec. I] (the algorithm is unpublished).
 */
const halvingDoubling: CollectiveAlgorithm = {
  label: 'Recursive halving-doubling (P2P)',
  description:
    'Reduce-scatter by recursive halving, all-gather by recursive doubling over peer-to-peer links: 2⌈log₂ n⌉ steps',
  steps: (kind, chips) => (kind === 'allReduce' ? 2 : 1) * Math.ceil(Math.log2(chips)),
  linkBytes: ringLinkBytes,
  busEfficiency: q(1, 'ASSUMPTION: the P2P link rate is already the achievable one (unpublished)'),
  protocols: [
    {
      name: 'P2P',
      baseLatency: q(0, 'ASSUMPTION: issued inside the dataflow kernel; no call of its own'),
      stepLatency: us(
        1.5,
        `ASSUMPTION: one exchange of recursive halving-doubling (${RABENSEIFNER}) over a P2P link, a PCIe-class traversal and a synchronisation, ~1.5 µs (unpublished) [P Sec. I]`,
      ),
      payloadFraction: {
        allReduce: q(1, 'ASSUMPTION: P2P transfers move payload only'),
        allGather: q(1, 'ASSUMPTION: P2P transfers move payload only'),
      },
    },
  ],
}

/** The collective algorithms an interconnect may run; its `collectiveAlgorithm` names one. */
export const COLLECTIVE_ALGORITHM = { ncclRing, halvingDoubling } as const satisfies Record<string, CollectiveAlgorithm>
export type CollectiveAlgorithmId = keyof typeof COLLECTIVE_ALGORITHM
export const COLLECTIVE_ALGORITHMS = Object.keys(COLLECTIVE_ALGORITHM) as [
  CollectiveAlgorithmId,
  ...CollectiveAlgorithmId[],
]

/**
 * The step latency an algorithm's first (lowest-latency) protocol pays: the figure a scenario may
 * override (`collectiveStepLatency`), every protocol's step latency scaling with it.
 */
export function referenceStepLatency(algorithm: CollectiveAlgorithmId): Quantity {
  return COLLECTIVE_ALGORITHM[algorithm].protocols[0]!.stepLatency
}
