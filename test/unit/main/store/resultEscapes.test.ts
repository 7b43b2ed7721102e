import { describe, expect, it } from 'vitest'
import { packResult, unpackResult } from '../../../../main/store/resultColumns'

const points = (rows: number) => Array.from({ length: rows }, (_, i) => ({ time: i / 3, value: Math.sqrt(i) }))

/** Through the store's packing and back, compared as JSON text: key order and every digit. */
const roundTrip = (result: unknown): string => {
  const packed = packResult(result)
  return JSON.stringify(unpackResult(packed.json, packed.columns))
}

describe('a result’s own keys that start with $', () => {
  it.each<[string, unknown]>([
    ['placeholders beside real columns', { a: { $columns: 0 }, b: { $columns: 5 }, series: points(64) }],
    ['a placeholder with no columns stored', { a: { $columns: 0 } }],
    ['a trace placeholder', { a: { $trace: 1 }, series: points(64) }],
    ['keys already escaped once, twice', { a: { $$columns: 0 }, b: { $$$x: [{ $escaped: 1 }] }, series: points(64) }],
    ['a $ key beside others, and a bare $', { a: { $columns: 1, rows: 2 }, $: { $$: '$' }, series: points(64) }],
    ['at the top and in arrays', [{ $columns: 0 }, [{ $trace: 0 }], points(64)]],
    ['in records that would be a column', { series: points(64).map((p) => ({ $time: p.time, value: p.value })) }],
    ['a __proto__ key beside a $ key', JSON.parse('{"x":{"$a":1,"__proto__":{"b":2}},"s":[]}')],
  ])('%s: round-trips exactly', (_name, result) => {
    expect(roundTrip(result)).toBe(JSON.stringify(result))
  })

  it('are written with one more $, so no placeholder is read into them', () => {
    const packed = packResult({ a: { $columns: 0 }, series: points(64) })
    expect(packed.json).toBe('{"a":{"$$columns":0},"series":{"$columns":0}}')
    expect(packed.columns).toHaveLength(1)
  })

  it('keep a __proto__ key an own key when read back', () => {
    const back = unpackResult<{ x: Record<string, unknown> }>('{"x":{"$$a":1,"__proto__":{"b":2}}}', [])
    expect(Object.getPrototypeOf(back.x)).toBe(Object.prototype)
    expect(Object.keys(back.x)).toEqual(['$a', '__proto__'])
  })

  it('rows stored before the escape read as they did', () => {
    const old = packResult({ series: points(64) })
    expect(unpackResult(old.json, old.columns)).toEqual({ series: points(64) })
    expect(unpackResult('{"x":{"$columns":0},"y":{"$other":1}}', [])).toEqual({ x: { $columns: 0 }, y: { $other: 1 } })
  })

  it('puts a trace back only where the caller says one is stored', () => {
    const arrivals = [{ time: 0, promptTokens: 1, outputTokens: 1 }]
    const scenario = { serving: { traffic: { kind: 'trace', arrivals } } }
    const packed = packResult({ scenario }, { traces: new Map([[arrivals, 7]]) })
    expect(packed.json).toBe('{"scenario":{"serving":{"traffic":{"kind":"trace","arrivals":{"$trace":7}}}}}')
    expect(unpackResult(packed.json, [], new Map([[7, arrivals]]))).toEqual({ scenario })
    expect(() => unpackResult(packed.json, [], new Map([[8, arrivals]]))).toThrow(/trace 7, which is not stored/)
  })
})
