import { INPUT_SCHEMAS, PRECISION, PRECISIONS, ScenarioSchema } from '../../../contract/api'

/**
 * Labels, help text, bounds and defaults of scenario fields, read from the scenario schema's own
 * `.describe()` texts, so the form, the CLI and the docs never disagree. Paths are dotted, from
 * the scenario's root: `workload.batch`, `customSystems.0.chip.peakFlops.value`,
 * `systemOverrides.dgx-h100.mode`, `serving.traffic.rate` (a union picks the branch with the key).
 * `runsStart.seeds` and `runsStart.label` read the run's own inputs (INPUT_SCHEMAS.runsStart).
 */

/** The few parts of a zod 4 schema read here; the renderer does not import zod itself. */
interface SchemaNode {
  description?: string
  minValue?: number | null
  maxValue?: number | null
  options?: readonly unknown[]
  safeParse: (value: unknown) => { success: true } | { success: false; error: { issues: { message: string }[] } }
  _zod: { def: Record<string, unknown> & { type: string } }
}

export interface FieldHelp {
  path: string
  /** The key in words: `promptTokens` → "Prompt tokens". */
  label: string
  /** The schema's description of the field, or '' where it has none. */
  help: string
  min: number | null
  max: number | null
  /** An enum's choices. */
  options: readonly string[] | null
  /** The schema's default, where it has one. */
  defaultValue: unknown
  optional: boolean
}

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'readonly', 'prefault', 'catch', 'nonoptional'])

const ACRONYMS: Record<string, string> = {
  hbm: 'HBM',
  sram: 'SRAM',
  flops: 'FLOP/s',
  id: 'ID',
  // A chip's peak per precision is keyed by the precision's id: `fp8` → "FP8".
  ...Object.fromEntries(PRECISIONS.map((id) => [id, PRECISION[id].label])),
}

/** `peakFlops` → "Peak FLOP/s", `hbmBytes` → "HBM bytes", `maxBatch` → "Max batch". */
export function humanize(key: string): string {
  const text = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(' ')
    .map((word) => ACRONYMS[word.toLowerCase()] ?? word.toLowerCase())
    .join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const defOf = (node: SchemaNode) => node._zod.def

/** The schema behind wrappers, collecting the outermost description and any default on the way. */
function unwrap(node: SchemaNode): {
  inner: SchemaNode
  description: string
  defaultValue: unknown
  optional: boolean
} {
  let description = node.description ?? ''
  let defaultValue: unknown = undefined
  let optional = false
  let current = node
  while (WRAPPERS.has(defOf(current).type)) {
    const def = defOf(current)
    if (def.type === 'default') defaultValue = def.defaultValue
    if (def.type === 'optional' || def.type === 'default') optional = true
    current = def.innerType as SchemaNode
    if (!description && current.description) description = current.description
  }
  return { inner: current, description, defaultValue, optional }
}

/** The child of an object, array, record, tuple or union at one path segment. */
function child(node: SchemaNode, segment: string): SchemaNode | undefined {
  const def = defOf(node)
  switch (def.type) {
    case 'object':
      return (def.shape as Record<string, SchemaNode>)[segment]
    case 'array':
      return /^\d+$/.test(segment) ? (def.element as SchemaNode) : undefined
    case 'tuple':
      return (def.items as SchemaNode[])[Number(segment)]
    case 'record':
      return def.valueType as SchemaNode
    case 'union':
      for (const option of def.options as SchemaNode[]) {
        const found = child(unwrap(option).inner, segment)
        if (found) return found
      }
      return undefined
    default:
      return undefined
  }
}

/** The schema at a path, as declared (wrappers kept), or undefined when the path names no field. */
export function schemaAt(path: string): SchemaNode | undefined {
  const run = path === 'runsStart' || path.startsWith('runsStart.')
  let node = (run ? INPUT_SCHEMAS.runsStart : ScenarioSchema) as unknown as SchemaNode
  const segments = path.split('.').filter((part) => part !== '')
  for (const segment of run ? segments.slice(1) : segments) {
    const next = child(unwrap(node).inner, segment)
    if (!next) return undefined
    node = next
  }
  return node
}

const lastKey = (path: string): string =>
  path
    .split('.')
    .filter((part) => !/^\d+$/.test(part) && part !== 'value')
    .at(-1) ?? path

const finite = (value: number | null | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null

/** What the schema says about one field; undefined for a path it does not have. */
export function describeField(path: string): FieldHelp | undefined {
  const node = schemaAt(path)
  if (!node) return undefined
  const { inner, description, defaultValue, optional } = unwrap(node)
  const type = defOf(inner).type
  return {
    path,
    label: humanize(lastKey(path)),
    help: description,
    min: type === 'number' ? finite(inner.minValue) : null,
    max: type === 'number' ? finite(inner.maxValue) : null,
    options: type === 'enum' ? (inner.options as string[]) : null,
    defaultValue,
    optional,
  }
}

/** The schema's message for a value at a path, or null when it is valid (or the path is unknown). */
export function checkField(path: string, value: unknown): string | null {
  const node = schemaAt(path)
  if (!node) return null
  const result = node.safeParse(value)
  return result.success ? null : (result.error.issues[0]?.message ?? 'invalid')
}

export interface LeafField {
  /** From the path given to `leafFields`, e.g. `chip.peakFlops` (a quantity) or `execution.kernelLaunch`. */
  path: string
  kind: 'quantity' | 'number' | 'text' | 'boolean' | 'enum'
  options: readonly string[] | null
}

const isQuantity = (node: SchemaNode): boolean => {
  const def = defOf(node)
  if (def.type !== 'object') return false
  const keys = Object.keys(def.shape as object).sort()
  return keys.length === 2 && keys[0] === 'source' && keys[1] === 'value'
}

/**
 * Every field below an object path, in schema order, with `{ value, source }` pairs as one
 * quantity: what lets the custom-system editor show every field of a system, and any field the
 * schema gains later.
 */
export function leafFields(path: string): LeafField[] {
  const root = schemaAt(path)
  if (!root) return []
  const fields: LeafField[] = []
  const walk = (node: SchemaNode, prefix: string): void => {
    const inner = unwrap(node).inner
    const type = defOf(inner).type
    if (type === 'object' && !isQuantity(inner)) {
      for (const [key, value] of Object.entries(defOf(inner).shape as Record<string, SchemaNode>)) {
        walk(value, prefix === '' ? key : `${prefix}.${key}`)
      }
      return
    }
    const kind: LeafField['kind'] = isQuantity(inner)
      ? 'quantity'
      : type === 'number' || type === 'boolean' || type === 'enum'
        ? type
        : 'text'
    fields.push({ path: prefix, kind, options: kind === 'enum' ? (inner.options as string[]) : null })
  }
  walk(root, '')
  return fields
}
