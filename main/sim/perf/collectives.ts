/**
 * Ring collectives over `chips` chips, each contributing `bandwidth` bytes/s one way, with a
 * fixed `latency` per collective (synchronisation and hops). A ring all-reduce moves
 * 2(n − 1)/n of the buffer through every link; an all-gather (n − 1)/n of the gathered result.
 */
export interface Link {
  chips: number
  bandwidth: number
  latency: number
}

export function allReduceSeconds(bytes: number, link: Link): number {
  if (link.chips <= 1 || bytes <= 0) return 0
  return link.latency + ((2 * (link.chips - 1)) / link.chips) * (bytes / link.bandwidth)
}

export function allGatherSeconds(bytes: number, link: Link): number {
  if (link.chips <= 1 || bytes <= 0) return 0
  return link.latency + ((link.chips - 1) / link.chips) * (bytes / link.bandwidth)
}
