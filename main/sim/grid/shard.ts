/** One slice of a grid, for one machine of a batch engine: `--shard index/count`. */
export interface Shard {
  index: number
  count: number
}

export class ShardError extends Error {
  override readonly name = 'ShardError'
}

/** Parses `i/N` (0 ≤ i < N), as a Kubernetes completion index or a Slurm array task id gives i. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (!match) throw new ShardError(`expected i/N, like 0/4, got "${text}"`)
  const index = Number(match[1])
  const count = Number(match[2])
  if (count < 1) throw new ShardError(`N must be at least 1, got ${count}`)
  if (index >= count) throw new ShardError(`i must be below N (0..${count - 1}), got ${index}`)
  return { index, count }
}

/**
 * The grid indices a shard runs: those with `index % count === shard.index`. Every index has
 * exactly one remainder, so the N shards partition the grid; striding (not blocks) also spreads
 * each axis's slow and fast corners over all shards.
 */
export function shardIndices(points: number, shard: Shard = { index: 0, count: 1 }): number[] {
  const indices: number[] = []
  for (let index = shard.index; index < points; index += shard.count) indices.push(index)
  return indices
}
