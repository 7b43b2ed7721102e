import { describe, expect, it } from 'vitest'
import { FITTED } from '../../../../../main/sim/stacks/fitted'
import {
  fitStack,
  fitStacks,
  fitTargets,
  shippedMeasurements,
  type MeasurementFile,
} from '../../../../../main/sim/validation'

/** The shipped set with every `check` row booby-trapped: reading anything but its split throws. */
function trappedCheckRows(): MeasurementFile {
  const file = shippedMeasurements()
  return {
    ...file,
    rows: file.rows.map((row) =>
      row.split === 'fit'
        ? row
        : new Proxy(row, {
            get(target, key) {
              if (key === 'split') return target.split
              throw new Error(`the fit read ${String(key)} of check row ${target.id}`)
            },
          }),
    ),
  }
}

describe('fitting the stacks', () => {
  it('reads only `fit` rows: a check row touched beyond its split throws', () => {
    const targets = fitTargets(trappedCheckRows())
    expect(targets.flatMap((t) => t.rows).every((row) => row.split === 'fit')).toBe(true)
    expect(() => fitStacks(trappedCheckRows())).not.toThrow()
  })

  it('is deterministic: the same rows give the same figures, bit for bit', () => {
    const [first] = fitTargets(shippedMeasurements())
    expect(fitStack(first!)).toEqual(fitStack(first!))
  })

  it('reproduces main/sim/stacks/fitted.ts (run `npx tsx tools/fitStacks.ts --write` when it does not)', () => {
    const results = fitStacks(shippedMeasurements())
    expect(results.map((r) => `${r.stack}/${r.family}`).sort()).toEqual(
      Object.entries(FITTED)
        .flatMap(([stack, families]) => Object.keys(families).map((family) => `${stack}/${family}`))
        .sort(),
    )
    for (const result of results) {
      const table = FITTED[result.stack]![result.family]!
      expect(table.rows).toEqual(result.rows)
      for (const [key, value] of Object.entries(result.figures)) {
        // fitted.ts keeps four significant figures.
        const written = table.figures[key as keyof typeof table.figures]!
        expect(Math.abs(written - value)).toBeLessThanOrEqual(1e-3 * Math.abs(value) + 1e-12)
      }
    }
  })

  it('fits NeMo on the A100 exactly: three rows, three free figures', () => {
    const nemo = fitStacks(shippedMeasurements()).find((r) => r.stack === 'nemo-2023' && r.family === 'a100')!
    expect(nemo.rows).toEqual(['NM-A100-7B-TP1-B1', 'NM-A100-7B-TP8-B1', 'NM-A100-7B-TP8-B8'])
    for (const { error } of nemo.residuals) expect(Math.abs(error!)).toBeLessThan(1e-6)
  })
})
