/** Fields that name a scenario but never change its result (the scenario hash leaves them out too). */
const IGNORED = new Set(['name', 'description'])

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isPrimitive = (value: unknown): value is string | number | boolean | null =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value)

/** A value as one short line: strings bare, absent as `—`, anything nested as compact JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return '—'
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** A list of plain values (such as `systems`) compared as a set: `systems: +dgx-a100, −sn40l-node`. */
function setLine(path: string, before: readonly unknown[], after: readonly unknown[]): string[] {
  const added = after.filter((item) => !before.some((other) => same(item, other)))
  const removed = before.filter((item) => !after.some((other) => same(item, other)))
  const changes = [...added.map((item) => `+${showValue(item)}`), ...removed.map((item) => `−${showValue(item)}`)]
  if (changes.length > 0) return [`${path}: ${changes.join(', ')}`]
  return same(before, after) ? [] : [`${path}: order ${showValue(before)} → ${showValue(after)}`]
}

function walk(path: string, before: unknown, after: unknown): string[] {
  if (same(before, after)) return []
  if (isPlainObject(before) || isPlainObject(after)) {
    // An object on one side only: its fields appear (or go) one by one against `—`.
    const a = isPlainObject(before) ? before : {}
    const b = isPlainObject(after) ? after : {}
    if ((before !== undefined && !isPlainObject(before)) || (after !== undefined && !isPlainObject(after)))
      return [`${path}: ${showValue(before)} → ${showValue(after)}`]
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    return keys.flatMap((key) => walk(path ? `${path}.${key}` : key, a[key], b[key]))
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if ([...before, ...after].every(isPrimitive)) return setLine(path, before, after)
    const length = Math.max(before.length, after.length)
    return Array.from({ length }, (_, index) => walk(`${path}[${index}]`, before[index], after[index])).flat()
  }
  return [`${path}: ${showValue(before)} → ${showValue(after)}`]
}

/**
 * What changes from one scenario to another, as readable lines in field order:
 * `workload.batch: 1 → 8`, `systems: +dgx-a100`, `serving.experts: — → 100`. Lists of plain
 * values compare as sets; lists of objects by position. Name and description are left out:
 * they do not change a result.
 */
export function diffScenarios(before: unknown, after: unknown): string[] {
  const strip = (value: unknown): unknown =>
    isPlainObject(value) ? Object.fromEntries(Object.entries(value).filter(([key]) => !IGNORED.has(key))) : value
  return walk('', strip(before), strip(after))
}
