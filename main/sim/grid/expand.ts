import type { z } from 'zod'
import { ScenarioSchema, type Scenario } from '../scenario/schema'
import type { AxisValue } from './axisValues'
import { LIMITS } from '../limits'

/** One swept field: a dotted path into the scenario JSON and the values it takes. */
export interface GridAxis {
  path: string
  values: readonly AxisValue[]
}

/** The most points a sweep may have. */
export const MAX_GRID_POINTS = LIMITS.gridPoints.max

/** A grid point that is not a valid scenario, or a path that leads nowhere; the message names both. */
export class GridError extends Error {
  override readonly name = 'GridError'
}

/** Points in the grid: the product of the axes' lengths (1 with no axes: the scenario itself). */
export function gridSize(axes: readonly GridAxis[]): number {
  return axes.reduce((size, axis) => size * axis.values.length, 1)
}

/** Each axis's value at a row-major index: the first axis varies slowest. */
export function pointValues(axes: readonly GridAxis[], index: number): AxisValue[] {
  const values = new Array<AxisValue>(axes.length)
  let rest = index
  for (let a = axes.length - 1; a >= 0; a--) {
    const axis = axes[a]!
    values[a] = axis.values[rest % axis.values.length]!
    rest = Math.floor(rest / axis.values.length)
  }
  return values
}

type Json = Record<string, unknown> | unknown[]

function isContainer(value: unknown): value is Json {
  return typeof value === 'object' && value !== null
}

/** Overrides must name listed systems: after a systems axis, those of systems left out go. */
function pruneOverrides(json: Record<string, unknown>): void {
  const { systems, systemOverrides: overrides } = json
  if (!Array.isArray(systems) || !isContainer(overrides) || Array.isArray(overrides)) return
  json.systemOverrides = Object.fromEntries(Object.entries(overrides).filter(([id]) => systems.includes(id)))
}

/**
 * Sets `path` (dot-separated; a number indexes an array, so `systems.0` is the first system; keys
 * may hold dashes, as in `systemOverrides.dgx-h100.memoryEfficiency`) in a JSON tree, creating
 * missing objects on the way. `systems` itself, given one system id, runs that system alone.
 * Changing the systems drops the overrides of systems no longer listed.
 */
export function setPath(json: Record<string, unknown>, path: string, value: AxisValue): void {
  if (path === 'systems' || path.startsWith('systems.')) {
    if (path === 'systems') json.systems = [value]
    else setSegments(json, path, value)
    pruneOverrides(json)
    return
  }
  setSegments(json, path, value)
}

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor'])

function setSegments(json: Record<string, unknown>, path: string, value: AxisValue): void {
  const segments = path.split('.')
  let node: Json = json
  segments.forEach((segment, depth) => {
    if (segment === '') throw new GridError(`${path}: empty segment in the path`)
    // A path reaches into the scenario's own fields only: never an object's prototype.
    if (FORBIDDEN_SEGMENTS.has(segment)) throw new GridError(`${path}: "${segment}" is not a scenario field`)
    const last = depth === segments.length - 1
    const key: string | number = Array.isArray(node) ? Number(segment) : segment
    if (Array.isArray(node) && !(Number.isInteger(key) && (key as number) >= 0 && (key as number) <= node.length)) {
      throw new GridError(`${path}: "${segment}" is not an index of the ${node.length}-item list there`)
    }
    const container = node as Record<string | number, unknown>
    if (last) {
      container[key] = value
      return
    }
    const next = Object.hasOwn(container, key) ? container[key] : undefined
    if (next === undefined) container[key] = {}
    else if (!isContainer(next)) throw new GridError(`${path}: "${segment}" holds a value, not an object`)
    // Copy only the containers on the path: the rest (a trace of many arrivals) stays shared.
    else container[key] = Array.isArray(next) ? [...next] : { ...next }
    node = container[key] as Json
  })
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`).join('; ')
}

/**
 * The scenario of one point, unvalidated: the base with each axis's value set. Copy-on-write along
 * each axis's path (see setSegments), so a point costs its paths, not the size of the scenario.
 */
function pointJson(base: Scenario, axes: readonly GridAxis[], values: readonly AxisValue[]): Record<string, unknown> {
  const json = { ...base } as Record<string, unknown>
  axes.forEach((axis, a) => setPath(json, axis.path, values[a]!))
  return json
}

/** The validated scenario of grid point `index`; an invalid one throws, naming each axis and its value. */
export function pointScenario(base: Scenario, axes: readonly GridAxis[], index: number): Scenario {
  const values = pointValues(axes, index)
  const parsed = ScenarioSchema.safeParse(pointJson(base, axes, values))
  if (parsed.success) return parsed.data
  const where = axes.map((axis, a) => `${axis.path}=${JSON.stringify(values[a])}`).join(', ')
  throw new GridError(`the point ${where} is not a valid scenario: ${describe(parsed.error)}`)
}

/** Checks the grid's size and every point (the first invalid one throws); answers the point count. */
export function validateGrid(base: Scenario, axes: readonly GridAxis[]): number {
  const size = gridSize(axes)
  if (size > MAX_GRID_POINTS) {
    const shape = axes.map((axis) => axis.values.length).join(' × ')
    throw new GridError(`the grid has ${size} points (${shape}): at most ${MAX_GRID_POINTS}; use fewer values`)
  }
  const seen = new Set<string>()
  for (const axis of axes) {
    if (seen.has(axis.path)) throw new GridError(`${axis.path} is varied twice`)
    seen.add(axis.path)
  }
  for (let index = 0; index < size; index++) pointScenario(base, axes, index)
  return size
}

/**
 * Whether a field only takes integers: setting it to 0.5 draws zod's "expected int" at its path.
 * Decides whether a log range of it is rounded.
 */
export function isIntegerField(base: Scenario, path: string): boolean {
  const json = JSON.parse(JSON.stringify(base)) as Record<string, unknown>
  try {
    setPath(json, path, 0.5)
  } catch {
    return false
  }
  const parsed = ScenarioSchema.safeParse(json)
  return (
    !parsed.success &&
    parsed.error.issues.some(
      (issue) => issue.code === 'invalid_type' && issue.expected === 'int' && issue.path.map(String).join('.') === path,
    )
  )
}
