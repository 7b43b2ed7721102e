import { describe, expect, it } from 'vitest'
import {
  METRIC_DIRECTIONS,
  METRIC_KINDS,
  METRIC_LISTS,
  METRICS,
  METRIC_UNITS,
  METRIC,
  UNIT_SYMBOLS,
} from '../../../../../main/sim/metrics/registry'

// The compiler holds every entry to the MetricEntry shape; this holds the values to something
// people can read, since a label, unit or description that is empty compiles just as well.
describe('the metric registry', () => {
  it.each(METRICS)('%s is complete: label, unit, direction, description, kind and lists', (name) => {
    const entry = METRIC[name]
    expect(entry.label.trim()).not.toBe('')
    expect(entry.description.trim()).not.toBe('')
    expect(METRIC_UNITS).toContain(entry.unit)
    expect(UNIT_SYMBOLS[entry.unit]?.trim()).toBeTruthy()
    expect(METRIC_DIRECTIONS).toContain(entry.direction)
    expect(METRIC_KINDS).toContain(entry.kind)
    expect(typeof entry.count).toBe('boolean')
    expect(entry.lists.length).toBeGreaterThan(0)
    for (const list of entry.lists) expect(METRIC_LISTS).toContain(list)
  })

  it('labels each metric once: reports find a row’s metric by its label', () => {
    const labels = METRICS.map((name) => METRIC[name].label)
    expect(new Set(labels).size).toBe(labels.length)
  })
})
