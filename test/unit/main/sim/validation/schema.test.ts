import { describe, expect, it } from 'vitest'
import { parseMeasurements, shippedMeasurements } from '../../../../../main/sim/validation'
import { validRow, validFile } from './fixtures'

describe('the measurements format', () => {
  it('ships 41 rows that parse, each with a source', () => {
    const file = shippedMeasurements()
    expect(file.rows).toHaveLength(41)
    expect(file.rows.every((row) => row.source.length > 0)).toBe(true)
    expect(new Set(file.rows.map((row) => row.split))).toEqual(new Set(['fit', 'check']))
  })

  it('refuses a row without a measured value, naming the field', () => {
    const { measured: _, ...row } = validRow()
    const parsed = parseMeasurements(validFile([validRow(), row]))
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.issues.map((issue) => issue.path)).toContain('rows.1.measured')
  })

  it('refuses a negative measurement, an unknown metric and split, and a foreign format', () => {
    const bad = parseMeasurements({
      ...validFile([{ ...validRow(), measured: -1, metric: 'joules', split: 'train' }]),
      format: 'other',
    })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.issues.map((issue) => issue.path)).toEqual(
        expect.arrayContaining(['format', 'rows.0.measured', 'rows.0.metric', 'rows.0.split']),
      )
    }
  })

  it('refuses two rows of one id and a stack the file does not define', () => {
    const parsed = parseMeasurements(validFile([validRow(), validRow(), { ...validRow('B'), stack: 'mystery' }]))
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.issues).toEqual(
        expect.arrayContaining([
          { path: 'rows.1.id', message: '"A" appears twice' },
          expect.objectContaining({ path: 'rows.2.stack' }),
        ]),
      )
    }
  })

  it('accepts fields it does not know, for files of a later minor revision', () => {
    expect(parseMeasurements({ ...validFile([{ ...validRow(), lab: 'x' }]), curator: 'y' }).ok).toBe(true)
  })
})
