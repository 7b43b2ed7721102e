/** Reading and writing nested fields of plain scenario objects by dotted path (`chip.peakFlops.value`). */

export function getAt(target: unknown, path: string): unknown {
  let current = target
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

/** A deep copy of `target` with the value at `path` replaced (missing objects on the way are made). */
export function setAt<T>(target: T, path: string, value: unknown): T {
  const copy = JSON.parse(JSON.stringify(target)) as T
  const keys = path.split('.')
  let current = copy as Record<string, unknown>
  for (const key of keys.slice(0, -1)) {
    const next = current[key]
    if (next === null || typeof next !== 'object') current[key] = {}
    current = current[key] as Record<string, unknown>
  }
  current[keys.at(-1)!] = value
  return copy
}
