import { q, type Quantity } from '../quantity'
import { FITTED } from './fitted'
import {
  STACK_FIGURES,
  type FreeFigure,
  type SiliconFamily,
  type StackFigureKey,
  type StackFigures,
  type StackOnSilicon,
} from './schema'

/** Where every fitted figure says it comes from. */
export const FIT_SOURCE = 'FIT (tools/fitStacks.ts, docs/MODEL.md "Software stacks")'

/**
 * A stack's figure that tools/fitStacks.ts fits: the value it last wrote to fitted.ts, with the
 * rows it was fitted on as its source; `start` until a fit has been written.
 */
export function fittedFigure(
  stack: string,
  family: SiliconFamily,
  key: StackFigureKey,
  what: string,
  start: number,
): Quantity {
  const entry = FITTED[stack]?.[family]
  const value = entry?.figures[key]
  if (entry === undefined || value === undefined)
    return q(start, `${FIT_SOURCE}: ${what}; not fitted yet, a start value`)
  return q(value, `${FIT_SOURCE} on ${entry.rows.join(', ')}: ${what}`)
}

/**
 * A stack on one family: `assumed` and `fitted` figures together. The fitted ones come from
 * fitted.ts, so that one file holds every fitted number and the fit can rewrite it.
 */
export function onSilicon(
  stack: string,
  family: SiliconFamily,
  assumed: Partial<StackFigures>,
  fitted: Partial<Record<StackFigureKey, FreeFigure>>,
): StackOnSilicon {
  const figures = { ...assumed } as Partial<StackFigures>
  for (const [key, { what, start }] of Object.entries(fitted) as [StackFigureKey, FreeFigure][]) {
    figures[key] = fittedFigure(stack, family, key, what, start)
  }
  const missing = STACK_FIGURES.filter((key) => figures[key] === undefined)
  if (missing.length > 0) throw new Error(`stack ${stack} on ${family}: no ${missing.join(', ')}`)
  return { figures: figures as StackFigures, fitted }
}
