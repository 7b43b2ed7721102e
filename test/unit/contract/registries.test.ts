import { describe, expect, it } from 'vitest'
import {
  CACHE_POLICY,
  EXECUTION_MODE,
  HOST_LINK_MODEL,
  LIMITS,
  OVERRIDABLE_FIGURE,
  PRECISION,
  RUN_STATUS,
  SWEEP_STATUS,
} from '../../../contract/api'
import { parseAxisValues } from '../../../main/sim/grid/axisValues'

// Every registry the forms, views and CLI are generated from: an entry people would read as a
// blank (no label, no unit, no description) fails here, whichever registry it was added to.
const REGISTRIES: Record<string, Record<string, { label: string; description: string }>> = {
  'overridable figures': OVERRIDABLE_FIGURE,
  'host-link models': HOST_LINK_MODEL,
  'execution modes': EXECUTION_MODE,
  'cache policies': CACHE_POLICY,
  'run statuses': RUN_STATUS,
  'sweep statuses': SWEEP_STATUS,
  limits: LIMITS,
  precisions: PRECISION,
}

const entries = Object.entries(REGISTRIES).flatMap(([registry, table]) =>
  Object.entries(table).map(([id, entry]) => [registry, id, entry] as const),
)

describe('the registries', () => {
  it.each(entries)('%s: %s has a label and a description', (_registry, _id, entry) => {
    expect(entry.label.trim()).not.toBe('')
    expect(entry.description.trim()).not.toBe('')
  })

  it.each(Object.entries(OVERRIDABLE_FIGURE))(
    'overridable figure %s has a unit, bounds, and a sweep example inside them',
    (_key, figure) => {
      expect(figure.unit.label.trim()).not.toBe('')
      expect(figure.unit.scale).toBeGreaterThan(0)
      expect(figure.min.value).toBeLessThan(figure.max)
      const values = parseAxisValues(figure.sweepExample, { integer: figure.integer })
      expect(values.length).toBeGreaterThan(1)
      for (const value of values) {
        expect(typeof value).toBe('number')
        const number = value as number
        expect(figure.min.exclusive ? number > figure.min.value : number >= figure.min.value).toBe(true)
        expect(number).toBeLessThanOrEqual(figure.max)
        if (figure.integer) expect(Number.isInteger(number)).toBe(true)
      }
    },
  )

  it.each([...Object.entries(RUN_STATUS), ...Object.entries(SWEEP_STATUS)])(
    'status %s is never both final and active',
    (_id, status) => {
      expect(status.final && status.active).toBe(false)
    },
  )

  it.each(Object.entries(LIMITS))('limit %s is a positive whole number', (_id, limit) => {
    expect(Number.isInteger(limit.max) && limit.max > 0).toBe(true)
  })
})
