import fc from 'fast-check'

/** A position in a JSON tree: the keys and indices from the root. */
export type JsonPath = (string | number)[]

/** Values that have broken parsers before: extremes, wrong types, prototype names, long text. */
export const NASTY_VALUES: readonly unknown[] = [
  0,
  -1,
  0.5,
  5e-324,
  1e308,
  -1e308,
  2 ** 53,
  4294967296,
  '',
  'NaN',
  'Infinity',
  '0x10',
  'constructor',
  '__proto__',
  'toString',
  'x'.repeat(5_000),
  '%_'.repeat(30_000),
  null,
  true,
  [],
  {},
  [1e308, 1e308],
  { __proto__: null, constructor: {} },
]

/** Every path in `value`, containers included, the root first. */
export function allPaths(value: unknown, prefix: JsonPath = []): JsonPath[] {
  const paths: JsonPath[] = [prefix]
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...allPaths(item, [...prefix, i])))
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...allPaths(item, [...prefix, key]))
  }
  return paths
}

type Mutation =
  { op: 'replace'; value: unknown } | { op: 'delete' } | { op: 'addKey'; key: string; value: unknown } | { op: 'wrap' }

const keyArb = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', '$columns', 'extra'), fc.string())
const valueArb = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NASTY_VALUES) }, fc.jsonValue({ maxDepth: 3 }))

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: valueArb.map((value) => ({ op: 'replace' as const, value })) },
  { weight: 2, arbitrary: fc.constant({ op: 'delete' as const }) },
  { weight: 2, arbitrary: fc.tuple(keyArb, valueArb).map(([key, value]) => ({ op: 'addKey' as const, key, value })) },
  { weight: 1, arbitrary: fc.constant({ op: 'wrap' as const }) },
)

/** A deep copy whose own `__proto__` keys survive (JSON round trips keep them as own data). */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

function apply(root: unknown, path: JsonPath, mutation: Mutation): unknown {
  if (path.length === 0) {
    if (mutation.op === 'replace') return copy(mutation.value)
    if (mutation.op === 'wrap') return [root]
    if (mutation.op === 'delete') return undefined
  }
  const parentPath = mutation.op === 'addKey' ? path : path.slice(0, -1)
  let parent: unknown = root
  for (const step of parentPath) parent = (parent as Record<string | number, unknown>)[step]
  const key = path.at(-1)!
  if (mutation.op === 'addKey') {
    if (typeof parent === 'object' && parent !== null && !Array.isArray(parent)) {
      Object.defineProperty(parent, mutation.key, {
        value: copy(mutation.value),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return root
  }
  const container = parent as Record<string | number, unknown>
  if (mutation.op === 'delete') {
    if (Array.isArray(container)) container.splice(key as number, 1)
    else delete container[key]
  } else if (mutation.op === 'replace') container[key] = copy(mutation.value)
  else container[key] = [container[key]]
  return root
}

/** One to three mutations of `valid`, each at a path chosen among the tree's own. */
export function mutated(valid: unknown): fc.Arbitrary<unknown> {
  return fc.array(fc.tuple(fc.nat(), mutationArb), { minLength: 1, maxLength: 3 }).map((steps) =>
    steps.reduce<unknown>((tree, [pick, mutation]) => {
      const paths = allPaths(tree)
      return apply(tree, paths[pick % paths.length]!, mutation)
    }, copy(valid)),
  )
}

/** JSON text that nests `depth` arrays: parsers that recurse overflow their stack on it. */
export function deeplyNested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth)
}

/** Numeric leaves of `valid` scaled by small factors: mostly still valid, so the run itself is tried. */
export function nudged(valid: unknown): fc.Arbitrary<unknown> {
  return fc.array(fc.tuple(fc.nat(), fc.constantFrom(0.5, 0.9, 1.1, 2, 3)), { maxLength: 3 }).map((steps) => {
    const tree = copy(valid)
    const numeric = allPaths(tree).filter((path) => path.length > 0 && typeof read(tree, path) === 'number')
    for (const [pick, factor] of steps) {
      if (numeric.length === 0) break
      const path = numeric[pick % numeric.length]!
      const value = read(tree, path) as number
      write(tree, path, Number.isInteger(value) ? Math.round(value * factor) : value * factor)
    }
    return tree
  })
}

function read(tree: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], tree)
}

function write(tree: unknown, path: JsonPath, value: unknown): void {
  const parent = read(tree, path.slice(0, -1)) as Record<string | number, unknown>
  parent[path.at(-1)!] = value
}
