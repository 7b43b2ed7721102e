import { COLLECTIVE_ALGORITHM, type CollectiveAlgorithmId, type CollectiveKind } from './collectiveAlgorithms'

export type { CollectiveKind } from './collectiveAlgorithms'

/** The chips a tensor-parallel collective runs over, and what one costs on them. */
export interface Link {
  chips: number
  /** Nominal bandwidth of each chip into the collective, one way, bytes/s. */
  bandwidth: number
  /** The software stack's fixed cost of one collective call (dispatch, the wait for the slowest peer), s. */
  callLatency: number
  algorithm: CollectiveAlgorithmId
  /** Every protocol's step latency times this (an override of the reference step latency; 1: the library's). */
  stepScale: number
}

/** One collective's predicted time: the latency it pays whatever its size, and its bytes over the links. */
export interface CollectiveTime {
  latency: number
  transfer: number
  /** The protocol chosen: the one with the least latency + transfer, as NCCL's tuner picks. */
  protocol: string
}

const NONE: CollectiveTime = { latency: 0, transfer: 0, protocol: 'none' }

/**
 * A collective of `bytes` over `link`: for each of the algorithm's protocols, base latency +
 * steps × step latency, and the bytes each link carries at the bus bandwidth the protocol
 * leaves for payload; the fastest wins. The stack's call latency is added to whichever it is.
 */
export function collectiveTime(kind: CollectiveKind, bytes: number, link: Link): CollectiveTime {
  if (link.chips <= 1 || bytes <= 0) return NONE
  const algorithm = COLLECTIVE_ALGORITHM[link.algorithm]
  const steps = algorithm.steps(kind, link.chips)
  const linkBytes = algorithm.linkBytes(kind, link.chips) * bytes
  const busBandwidth = link.bandwidth * algorithm.busEfficiency.value
  let best = NONE
  let bestSeconds = Infinity
  for (const protocol of algorithm.protocols) {
    const latency = link.callLatency + protocol.baseLatency.value + steps * protocol.stepLatency.value * link.stepScale
    const transfer = linkBytes / (busBandwidth * protocol.payloadFraction[kind].value)
    if (latency + transfer < bestSeconds) {
      bestSeconds = latency + transfer
      best = { latency, transfer, protocol: protocol.name }
    }
  }
  return best
}

export function allReduceSeconds(bytes: number, link: Link): number {
  const time = collectiveTime('allReduce', bytes, link)
  return time.latency + time.transfer
}

export function allGatherSeconds(bytes: number, link: Link): number {
  const time = collectiveTime('allGather', bytes, link)
  return time.latency + time.transfer
}
