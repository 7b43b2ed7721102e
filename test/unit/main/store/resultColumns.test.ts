import { describe, expect, it } from 'vitest'
import { packResult, unpackResult } from '../../../../main/store/resultColumns'

const records = <T>(rows: number, at: (i: number) => T): T[] => Array.from({ length: rows }, (_, i) => at(i))
const points = (rows: number) => records(rows, (i) => ({ time: i / 3, value: Math.sqrt(i) }))

describe('packResult', () => {
  it.each<[string, number, unknown]>([
    ['63 records: one short of a column', 0, { series: points(63) }],
    ['64 records', 1, { series: points(64) }],
    ['two arrays, nested anywhere', 2, { a: { b: [{ c: points(100) }] }, d: points(64) }],
    ['a NaN', 0, { series: records(64, (i) => ({ time: i, value: i === 9 ? NaN : i })) }],
    ['an Infinity', 0, { series: records(64, (i) => ({ time: i, value: i === 9 ? Infinity : i })) }],
    ['a string cell', 0, { series: records(64, (i) => ({ time: i, value: i === 9 ? '9' : i })) }],
    [
      'keys in another order',
      0,
      { series: records(64, (i) => (i === 9 ? { value: i, time: i } : { time: i, value: i })) },
    ],
    ['a missing key', 0, { series: records(64, (i) => (i === 9 ? { time: i } : { time: i, value: i })) }],
    ['records without keys', 0, { series: records(64, () => ({})) }],
    ['plain numbers', 0, { series: Array.from({ length: 100 }, (_, i) => i) }],
  ])('%s: %i column(s)', (_name, columns, result) => {
    const packed = packResult(result)
    expect(packed.columns).toHaveLength(columns)
    expect(unpackResult(packed.json, packed.columns)).toEqual(JSON.parse(JSON.stringify(result)))
  })

  it('keeps every bit of every double, reading -0 as 0 as JSON would', () => {
    const series = records(1000, (i) => ({ time: i * Number.EPSILON, value: i === 0 ? -0 : -1 / i }))
    const packed = packResult({ series })
    // 2 keys × 1000 rows × 8 bytes, the first key's values first.
    expect(packed.columns[0]).toMatchObject({ slot: 0, keys: ['time', 'value'], rows: 1000 })
    expect(packed.columns[0]!.data.byteLength).toBe(16_000)
    expect(packed.json).toBe('{"series":{"$columns":0}}')
    const back = unpackResult<{ series: typeof series }>(packed.json, packed.columns).series
    expect(Object.is(back[0]!.value, 0)).toBe(true)
    expect(back.slice(1)).toEqual(series.slice(1))
  })

  it('reads a column from a Buffer that is not on an 8-byte boundary', () => {
    const packed = packResult({ series: points(64) })
    const column = packed.columns[0]!
    const shifted = Buffer.alloc(column.data.byteLength + 1).subarray(1)
    column.data.copy(shifted)
    expect(unpackResult(packed.json, [{ ...column, data: shifted }])).toEqual({ series: points(64) })
  })
})

describe('unpackResult', () => {
  it('refuses a column whose bytes do not match its shape', () => {
    const packed = packResult({ series: points(64) })
    const column = packed.columns[0]!
    expect(() => unpackResult(packed.json, [{ ...column, data: column.data.subarray(8) }])).toThrow(
      /1016 bytes for 2 × 64 doubles/,
    )
  })

  it('refuses a placeholder whose column is missing', () => {
    const packed = packResult({ a: points(64), b: points(64) })
    expect(() => unpackResult(packed.json, packed.columns.slice(0, 1))).toThrow(/column 1, which is not stored/)
  })

  it('leaves an object that only looks like a placeholder when no columns are stored', () => {
    expect(unpackResult('{"x":{"$columns":0}}', [])).toEqual({ x: { $columns: 0 } })
  })
})
