import { SYSTEM_PRESETS } from '../hardware/presets'
import type { SystemSpec } from '../hardware/schema'
import { ownEntry } from '../own'
import { STACK_IDS, STACK_PROFILE, type StackId } from '../stacks/registry'
import { FIT_BOUNDS, type SiliconFamily, type StackFigureKey } from '../stacks/schema'
import type { MeasurementFile, MeasurementRow } from './schema'
import { simulateRow, type FigureOverrides } from './simulateRow'

/** One stack on one family: its free figures and the `fit` rows that set them. */
export interface FitTarget {
  stack: StackId
  family: SiliconFamily
  free: StackFigureKey[]
  rows: MeasurementRow[]
}

export interface FitResult {
  stack: StackId
  family: SiliconFamily
  rows: string[]
  figures: Partial<Record<StackFigureKey, number>>
  /** Each fit row's error (simulated / measured − 1) at the fitted figures; null: unsupported. */
  residuals: { id: string; error: number | null }[]
}

function familyOf(row: MeasurementRow): SiliconFamily | undefined {
  return ownEntry<SystemSpec>(SYSTEM_PRESETS, row.hardware.base)?.chip.family
}

/**
 * What to fit: for each stack and family with free figures, that stack's `fit` rows on that
 * family. Only `split === 'fit'` rows are ever kept: nothing else of a `check` row is read.
 */
export function fitTargets(file: MeasurementFile): FitTarget[] {
  const fitRows = file.rows.filter((row) => row.split === 'fit')
  return STACK_IDS.flatMap((stack) =>
    Object.entries(STACK_PROFILE[stack].families).flatMap(([family, onFamily]) => {
      const free = Object.keys(onFamily.fitted) as StackFigureKey[]
      const rows = fitRows.filter((row) => row.stack === stack && familyOf(row) === family)
      return free.length === 0 || rows.length === 0 ? [] : [{ stack, family: family as SiliconFamily, free, rows }]
    }),
  )
}

/** A row the trial figures cannot run costs as much as a factor e⁵ of error. */
const UNSUPPORTED_RESIDUAL = 5
const MAX_ITERATIONS = 100
/** Forward-difference step, in the normalised [0, 1] coordinate of each figure. */
const STEP = 1e-6

/** Solves the small dense system A x = b by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i]!])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r
    ;[m[col], m[pivot]] = [m[pivot]!, m[col]!]
    for (let r = col + 1; r < n; r++) {
      const f = m[r]![col]! / m[col]![col]!
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!
    }
  }
  const x = new Array<number>(n).fill(0)
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r]![n]!
    for (let c = r + 1; c < n; c++) sum -= m[r]![c]! * x[c]!
    x[r] = sum / m[r]![r]!
  }
  return x
}

/**
 * Fits one target: the free figures minimising Σ ln(simulated / measured)² over its rows, by
 * Levenberg–Marquardt in each figure's normalised bounds (FIT_BOUNDS), from the profile's start
 * values. Deterministic: same rows, same figures.
 */
export function fitStack(target: FitTarget): FitResult {
  const { free, rows } = target
  const bounds = free.map((key) => FIT_BOUNDS[key])
  const starts = STACK_PROFILE[target.stack].families[target.family]!.fitted
  const toFigures = (u: readonly number[]): FigureOverrides =>
    Object.fromEntries(free.map((key, i) => [key, bounds[i]!.low + u[i]! * (bounds[i]!.high - bounds[i]!.low)]))
  const residuals = (u: readonly number[]): number[] =>
    rows.map((row) => {
      const outcome = simulateRow(row, toFigures(u))
      return 'simulated' in outcome ? Math.log(outcome.simulated / row.measured) : UNSUPPORTED_RESIDUAL
    })
  const cost = (r: readonly number[]): number => r.reduce((sum, x) => sum + x * x, 0)
  const clamp = (x: number): number => Math.min(1, Math.max(0, x))

  let u = free.map((key, i) => clamp((starts[key]!.start - bounds[i]!.low) / (bounds[i]!.high - bounds[i]!.low)))
  let r = residuals(u)
  let lambda = 1e-3
  for (let iteration = 0; iteration < MAX_ITERATIONS && cost(r) > 1e-16; iteration++) {
    // Jacobian by forward differences, stepping inward at the upper bound.
    const jacobian = free.map((_, i) => {
      const h = u[i]! + STEP > 1 ? -STEP : STEP
      const shifted = residuals(u.map((x, j) => (j === i ? x + h : x)))
      return shifted.map((x, k) => (x - r[k]!) / h)
    })
    const jtj = free.map((_, i) => free.map((_, j) => jacobian[i]!.reduce((s, x, k) => s + x * jacobian[j]![k]!, 0)))
    const jtr = free.map((_, i) => jacobian[i]!.reduce((s, x, k) => s + x * r[k]!, 0))
    // A figure at a bound that the descent pushes further out stays there: the step moves the rest
    // (a projected step; clamping a full step instead can stall short of the minimum).
    const pinned = u.map((x, i) => (x <= 0 && jtr[i]! > 0) || (x >= 1 && jtr[i]! < 0))
    let improved = false
    while (lambda < 1e12) {
      const damped = jtj.map((row, i) =>
        row.map((x, j) => (pinned[i] || pinned[j] ? (i === j ? 1 : 0) : i === j ? x + lambda * (1 + x) : x)),
      )
      const step = solve(
        damped,
        jtr.map((x, i) => (pinned[i] ? 0 : -x)),
      )
      const next = u.map((x, i) => clamp(x + step[i]!))
      const nextR = residuals(next)
      if (cost(nextR) < cost(r)) {
        const moved = Math.max(...next.map((x, i) => Math.abs(x - u[i]!)))
        u = next
        r = nextR
        lambda = Math.max(lambda / 10, 1e-12)
        improved = moved > 1e-12
        break
      }
      lambda *= 10
    }
    if (!improved) break
  }
  const figures = toFigures(u) as Partial<Record<StackFigureKey, number>>
  return {
    stack: target.stack,
    family: target.family,
    rows: rows.map((row) => row.id),
    figures,
    residuals: rows.map((row, k) => ({
      id: row.id,
      error: r[k] === UNSUPPORTED_RESIDUAL ? null : Math.expm1(r[k]!),
    })),
  }
}

/** Every stack's free figures fitted on its `fit` rows. */
export function fitStacks(file: MeasurementFile): FitResult[] {
  return fitTargets(file).map(fitStack)
}
