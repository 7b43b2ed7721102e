import type { SystemResult } from '../main/sim/result'

/**
 * The share of HBM weights and KV may fill, as the KV tables' captions say it: one figure when
 * every system has the same (`90% of HBM`), else each system's (`HBM: sn40l-node 90%, dgx-h100
 * 80%`), since `hbmUsableFraction` is overridable per system.
 */
export function usableHbmShare(systems: readonly SystemResult[]): string {
  const shares = systems.flatMap((system) => {
    const capacity = system.memory.kvCapacity
    if (capacity === undefined) return []
    return [{ id: system.systemId, percent: Math.round((capacity.usableBytes / system.memory.hbmBytes) * 1000) / 10 }]
  })
  const distinct = new Set(shares.map((share) => share.percent))
  if (distinct.size <= 1) return `${shares[0]?.percent ?? 0}% of HBM`
  return `HBM: ${shares.map((share) => `${share.id} ${share.percent}%`).join(', ')}`
}
