/**
 * Ring collectives over `chips` chips, each contributing `bandwidth` bytes/s one way. A ring
 * all-reduce is 2(n − 1) steps (reduce-scatter, then all-gather), each moving 1/n of the buffer
 * and paying one `hopLatency` (a link traversal and a synchronisation); an all-gather is n − 1
 * such steps. So latency grows with the ring, and the bytes through each link approach twice
 * (once) the buffer.
 */
export interface Link {
  chips: number
  bandwidth: number
  hopLatency: number
}

export function allReduceLatency(link: Link): number {
  return link.chips <= 1 ? 0 : 2 * (link.chips - 1) * link.hopLatency
}

export function allGatherLatency(link: Link): number {
  return link.chips <= 1 ? 0 : (link.chips - 1) * link.hopLatency
}

export function allReduceSeconds(bytes: number, link: Link): number {
  if (link.chips <= 1 || bytes <= 0) return 0
  return allReduceLatency(link) + ((2 * (link.chips - 1)) / link.chips) * (bytes / link.bandwidth)
}

export function allGatherSeconds(bytes: number, link: Link): number {
  if (link.chips <= 1 || bytes <= 0) return 0
  return allGatherLatency(link) + ((link.chips - 1) / link.chips) * (bytes / link.bandwidth)
}
