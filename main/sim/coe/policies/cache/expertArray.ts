import type { ExpertId } from '../../types'
import { assertExpertId } from './guards'

type ExpertArray = Int32Array | Float64Array | Uint8Array

/**
 * `array` if it already has a cell for `expert`, else a copy grown by doubling with new cells set
 * to `fill`: the caches index state by expert id, so they allocate only while new ids appear.
 */
export function fitExpert<T extends ExpertArray>(array: T, expert: ExpertId, fill: number, policy: string): T {
  if (expert >>> 0 === expert && expert < array.length) return array
  assertExpertId(expert, policy)
  let length = Math.max(16, array.length * 2)
  while (length <= expert) length *= 2
  const grown = new (array.constructor as new (length: number) => T)(length)
  grown.fill(fill)
  grown.set(array)
  return grown
}
