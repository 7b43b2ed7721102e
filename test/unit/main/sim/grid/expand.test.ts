import { describe, expect, it } from 'vitest'
import {
  GridError,
  setPath,
  gridSize,
  isIntegerField,
  pointScenario,
  pointValues,
  validateGrid,
} from '../../../../../main/sim/grid/expand'
import { ScenarioSchema } from '../../../../../main/sim/scenario/schema'

const base = ScenarioSchema.parse({
  name: 'grid',
  systems: ['sn40l-node', 'dgx-h100'],
  workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20 },
  systemOverrides: { 'dgx-h100': { computeEfficiency: 0.5 } },
  serving: { experts: 10, traffic: { kind: 'poisson', rate: 1 }, requests: 20 },
})

describe('grid expansion', () => {
  const axes = [
    { path: 'workload.batch', values: [1, 2, 4] },
    { path: 'serving.cachePolicy', values: ['lru', 'lfu'] },
  ]

  it('is the cartesian product, row-major with the first axis slowest', () => {
    expect(gridSize(axes)).toBe(6)
    expect([0, 1, 2, 3, 4, 5].map((i) => pointValues(axes, i))).toEqual([
      [1, 'lru'],
      [1, 'lfu'],
      [2, 'lru'],
      [2, 'lfu'],
      [4, 'lru'],
      [4, 'lfu'],
    ])
    expect(gridSize([])).toBe(1)
  })

  it('sets each dotted path: nested fields, list items, keys with dashes, new objects', () => {
    const point = pointScenario(base, axes, 3)
    expect(point.workload.batch).toBe(2)
    expect(point.serving?.cachePolicy).toBe('lfu')
    expect(pointScenario(base, [{ path: 'systems.1', values: ['dgx-a100'] }], 0).systems).toEqual([
      'sn40l-node',
      'dgx-a100',
    ])
    const overrides = pointScenario(
      { ...base, systemOverrides: {} },
      [{ path: 'systemOverrides.dgx-h100.memoryEfficiency', values: [0.7] }],
      0,
    ).systemOverrides
    expect(overrides).toEqual({ 'dgx-h100': { memoryEfficiency: 0.7 } })
    // the base is never changed
    expect(base.workload.batch).toBe(1)
  })

  it('runs a systems axis one system at a time, keeping only that system’s overrides', () => {
    const systemsAxis = [{ path: 'systems', values: ['sn40l-node', 'dgx-h100'] }]
    expect(pointScenario(base, systemsAxis, 0)).toMatchObject({ systems: ['sn40l-node'], systemOverrides: {} })
    expect(pointScenario(base, systemsAxis, 1)).toMatchObject({
      systems: ['dgx-h100'],
      systemOverrides: { 'dgx-h100': { computeEfficiency: 0.5 } },
    })
  })

  it('names the axis, the value and the field of an invalid point', () => {
    const bad = [{ path: 'workload.batch', values: [1, 0] }]
    expect(() => validateGrid(base, bad)).toThrow(GridError)
    expect(() => validateGrid(base, bad)).toThrow(
      /workload\.batch=0 is not a valid scenario: workload\.batch: Too small/,
    )
    expect(() => validateGrid(base, [{ path: 'workload.model.x', values: [1] }])).toThrow(/holds a value/)
    expect(() => validateGrid(base, [{ path: 'systems.7', values: ['dgx-a100'] }])).toThrow(/not an index/)
  })

  it('refuses grids over 100,000 points before expanding any', () => {
    const big = Array.from({ length: 400 }, (_, i) => i + 1)
    expect(() =>
      validateGrid(base, [
        { path: 'workload.batch', values: big },
        { path: 'workload.promptTokens', values: big },
      ]),
    ).toThrow(/160000 points \(400 × 400\): at most 100000/)
  })

  it('counts the points of a valid grid', () => {
    expect(validateGrid(base, axes)).toBe(6)
  })

  it.each([
    ['serving.experts', true],
    ['workload.batch', true],
    ['serving.traffic.rate', false],
    ['systemOverrides.dgx-h100.memoryEfficiency', false],
    ['serving.cachePolicy', false],
  ])('tells that %s is integer-valued: %s', (path, integer) => {
    expect(isIntegerField(base, path)).toBe(integer)
  })
})

describe('paths that reach outside the scenario', () => {
  it.each(['__proto__.signal', 'workload.constructor.x', 'serving.prototype'])(
    'refuses %s without touching any prototype',
    (path) => {
      const json = JSON.parse(JSON.stringify(base)) as Record<string, unknown>
      expect(() => setPath(json, path, 1)).toThrow(/is not a scenario field/)
      expect(({} as Record<string, unknown>).signal).toBeUndefined()
      expect(isIntegerField(base, path)).toBe(false)
    },
  )
})
