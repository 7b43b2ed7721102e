import type { SweepPointDto, SweepSummaryDto } from '../../contract/api'
import { readSweepsFile, type StoredSweep, type Store } from '../store'
import { InvalidInputError } from './errors'

/** A shard that cannot be merged, and why; nothing has been written. */
export class MergeError extends InvalidInputError {
  override readonly name = 'MergeError'
}

export interface MergeReport {
  sweep: SweepSummaryDto
  shards: number
  /** Points done in the shards (the same point in two shards counts once). */
  pointsMerged: number
}

function readShard(path: string): StoredSweep[] {
  let sweeps: StoredSweep[]
  try {
    sweeps = readSweepsFile(path)
  } catch (error) {
    throw new MergeError(
      `${path}: not a readable workbench database (${error instanceof Error ? error.message : error})`,
    )
  }
  if (sweeps.length === 0) throw new MergeError(`${path} holds no sweep`)
  const hashes = new Set(sweeps.map((sweep) => sweep.sweepHash))
  if (hashes.size > 1)
    throw new MergeError(`${path} holds sweeps of ${hashes.size} different grids: merge one at a time`)
  return sweeps
}

const short = (hash: string): string => hash.slice(0, 12)

/** done beats failed beats pending; two done results of one point must agree. */
function fold(merged: Map<number, { point: SweepPointDto; from: string }>, point: SweepPointDto, from: string): void {
  const held = merged.get(point.index)
  if (!held || point.status === 'pending') {
    if (!held) merged.set(point.index, { point, from })
    return
  }
  if (held.point.status === 'done' && point.status === 'done') {
    if (JSON.stringify(held.point.metrics) !== JSON.stringify(point.metrics)) {
      throw new MergeError(
        `point ${point.index} (${JSON.stringify(point.values)}) has different results in ${held.from} and ${from}: ` +
          'the shards are not of one reproducible sweep',
      )
    }
    return
  }
  if (point.status === 'done' || held.point.status === 'pending') merged.set(point.index, { point, from })
}

/**
 * Folds the sweeps of shard databases into the store: every shard must hold sweeps of one grid
 * (one sweep hash: scenario, axes, seeds, simulator version), the same for all; a point done in
 * two places must have the same result. Everything is checked before one transaction writes the
 * union into the store's sweep of that hash (created from the first shard when there is none).
 */
export function mergeSweeps(store: Store, paths: readonly string[], now: string): MergeReport {
  const shards = paths.map((path) => ({ path, sweeps: readShard(path) }))
  const first = shards[0]
  if (!first) throw new MergeError('give at least one shard database')
  const hash = first.sweeps[0]!.sweepHash
  for (const shard of shards) {
    const other = shard.sweeps[0]!.sweepHash
    if (other !== hash) {
      throw new MergeError(
        `${shard.path} is a shard of another sweep (sweep hash ${short(other)}…, not ${short(hash)}… as in ${first.path}): ` +
          'its scenario, axes, seeds or simulator version differ',
      )
    }
  }
  const merged = new Map<number, { point: SweepPointDto; from: string }>()
  const targetId = store.sweeps.findByHash(hash)[0]
  if (targetId !== undefined) {
    for (const point of store.sweeps.points(targetId)) fold(merged, point, 'the target database')
  }
  for (const shard of shards) {
    for (const sweep of shard.sweeps) for (const point of sweep.points) fold(merged, point, shard.path)
  }
  const points = [...merged.values()].map((entry) => entry.point)
  return store.transaction(() => {
    const template = first.sweeps[0]!
    const id =
      targetId ??
      store.sweeps.insert(
        { ...template, owner: null, createdAt: now },
        template.points.map((point) => point.values),
        'interrupted',
      ).id
    const sweep = store.sweeps.mergePoints(id, points, now)
    return { sweep, shards: shards.length, pointsMerged: points.filter((p) => p.status === 'done').length }
  })
}
