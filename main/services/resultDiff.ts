import type { MetricChange, RunResult } from '../../contract/api'

type Leaf = number | string | boolean | null

/** Paths left out of the comparison: wall time differs on every run. */
const IGNORED = new Set(['provenance.wallSeconds'])
/**
 * An assumption's description is the workbench's prose about the figure (from the core's
 * registries), not something simulated: rewording it must not make a stored run irreproducible.
 * (An assumption on one side only is still reported whole, its description included.)
 */
const PROSE = /^assumptions\[[^\]]*\]\.description$/
/** Fields that name an array element, tried in order (`systems[dgx-h100]`, `assumptions[hbmEfficiency]`). */
const KEY_FIELDS = ['systemId', 'name', 'benchmark', 'id']
export const MAX_CHANGES = 500

interface Flat {
  leaves: Map<string, Leaf>
  /** Paths of objects and arrays, so a `null` against a filled-in object is not reported twice. */
  containers: Set<string>
}

/** The field naming every element of the array uniquely, if there is one. */
function keyField(items: unknown[]): string | undefined {
  return KEY_FIELDS.find((field) => {
    const keys = items.map((item) =>
      item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[field] : undefined,
    )
    return keys.every((key) => typeof key === 'string') && new Set(keys).size === keys.length
  })
}

function flattenInto(value: unknown, path: string, flat: Flat): void {
  if (value === undefined || IGNORED.has(path)) return
  if (Array.isArray(value)) {
    flat.containers.add(path)
    const field = keyField(value)
    value.forEach((item, index) => {
      const key = field ? String((item as Record<string, unknown>)[field]) : String(index)
      flattenInto(item, `${path}[${key}]`, flat)
    })
    return
  }
  if (value !== null && typeof value === 'object') {
    flat.containers.add(path)
    for (const [key, child] of Object.entries(value)) flattenInto(child, path ? `${path}.${key}` : key, flat)
    return
  }
  flat.leaves.set(path, typeof value === 'bigint' ? Number(value) : (value as Leaf))
}

function flatten(result: RunResult): Flat {
  const flat: Flat = { leaves: new Map(), containers: new Set() }
  flattenInto(result, '', flat)
  return flat
}

function relativeChange(original: Leaf, replay: Leaf): number | null {
  if (typeof original !== 'number' || typeof replay !== 'number' || original === 0) return null
  const change = (replay - original) / Math.abs(original)
  return Number.isNaN(change) ? null : change
}

/** Absent or non-numeric changes first, then the largest relative change; ties keep result order. */
function byMagnitude(a: MetricChange, b: MetricChange): number {
  if (a.relativeChange === null || b.relativeChange === null) {
    return (a.relativeChange === null ? 0 : 1) - (b.relativeChange === null ? 0 : 1)
  }
  const [x, y] = [Math.abs(a.relativeChange), Math.abs(b.relativeChange)]
  return x === y ? 0 : x > y ? -1 : 1
}

/**
 * Every leaf of two results that is not bit-for-bit the same (`Object.is`), keyed by a readable
 * path. A key on one side only is a change too (null stands for the missing side), unless it is a
 * `null` the other side replaced with an object, whose own leaves are then reported.
 */
export function diffResults(original: RunResult, replay: RunResult): { changes: MetricChange[]; changeCount: number } {
  const before = flatten(original)
  const after = flatten(replay)
  const paths = new Set([...before.leaves.keys(), ...after.leaves.keys()])
  const changes: MetricChange[] = []
  for (const path of paths) {
    const inBefore = before.leaves.has(path)
    const inAfter = after.leaves.has(path)
    const old = before.leaves.get(path) ?? null
    const now = after.leaves.get(path) ?? null
    if (inBefore && inAfter && (Object.is(old, now) || PROSE.test(path))) continue
    if (!inBefore && now === null && before.containers.has(path)) continue
    if (!inAfter && old === null && after.containers.has(path)) continue
    changes.push({ path, original: old, replay: now, relativeChange: relativeChange(old, now) })
  }
  changes.sort(byMagnitude)
  return { changes: changes.slice(0, MAX_CHANGES), changeCount: changes.length }
}
