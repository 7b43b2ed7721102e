import { describe, expect, it } from 'vitest'
import {
  operatorPoints,
  ridgeIntensity,
  roofPoints,
  rooflineChartData,
} from '../../../../../renderer/src/charts/mappers/roofline'
import { okSystem, operator, outOfMemorySystem, phase, runResult } from '../../fixtures'

// A chip of 1e15 FLOP/s and 1e12 B/s (the fixture's achievablePerChip): ridge at 1e15 / 1e12 = 1000 FLOP/B.
const chip = okSystem('sn40l-node', 'SN40L node', 0.1, 1)
// A slower chip: 4e14 FLOP/s, 2e12 B/s: ridge at 4e14 / 2e12 = 200 FLOP/B.
const gpu = {
  ...okSystem('dgx-h100', 'DGX H100', 0.2, 2),
  achievablePerChip: { flopsPerSecond: 4e14, bytesPerSecond: 2e12 },
}

const decodeOps = [
  // 2e9 FLOP over 1e9 B: 2 FLOP/B; memory-bound, 1e9 / 1e12 = 1e-3 s, so 2e9 / 1e-3 = 2e12 FLOP/s
  operator('qkv', 2e9, 1e9, 1e-3),
  // 4e12 FLOP over 1e9 B: 4000 FLOP/B; compute-bound, 4e12 / 1e15 = 4e-3 s, so 1e15 FLOP/s
  operator('mlp', 4e12, 1e9, 4e-3),
  operator('residual', 0, 1e6, 1e-6), // no FLOPs: off a log axis
  operator('rope', 1e6, 0, 1e-9), // no bytes: infinite intensity
]
const prefillOps = [operator('qkv', 2e12, 1e9, 2e-3)] // 2000 FLOP/B, 2e12 / 2e-3 = 1e15 FLOP/s

describe('operatorPoints', () => {
  it('places each operator at (flops / bytes, flops / seconds), skipping zero flops or bytes', () => {
    expect(operatorPoints(decodeOps)).toEqual([
      { x: 2, y: 2e12, operator: 'qkv' },
      { x: 4000, y: 1e15, operator: 'mlp' },
    ])
  })
})

describe('roofPoints', () => {
  it('bends at the ridge: y = min(1e15, x × 1e12)', () => {
    expect(ridgeIntensity(chip)).toBe(1000)
    expect(roofPoints(chip, 1, 8000)).toEqual([
      { x: 1, y: 1e12 }, // 1 × 1e12 under the 1e15 roof
      { x: 1000, y: 1e15 }, // the ridge: both roofs meet
      { x: 8000, y: 1e15 }, // 8e15 capped at 1e15
    ])
  })

  it('is a straight roof when the ridge lies outside the range', () => {
    expect(roofPoints(chip, 2000, 4000)).toEqual([
      { x: 2000, y: 1e15 },
      { x: 4000, y: 1e15 },
    ])
  })
})

describe('rooflineChartData', () => {
  const result = runResult([
    { ...chip, prefill: phase(0.1, {}, prefillOps), decode: phase(1, {}, decodeOps) },
    outOfMemorySystem('dgx-a100', 'DGX A100'),
    { ...gpu, prefill: phase(0.2, {}, prefillOps), decode: phase(2, {}, [operator('qkv', 2e9, 1e9, 5e-4)]) },
  ])

  it('gives each system that ran the phase its points and its roof, leaving out the one out of memory', () => {
    const data = rooflineChartData(result, 'decode')
    expect(data.datasets.map((dataset) => dataset.label)).toEqual([
      'SN40L node',
      'SN40L node roof',
      'DGX H100',
      'DGX H100 roof',
    ])
    expect(data.datasets[0]!.data.map((point) => point.operator)).toEqual(['qkv', 'mlp'])
    // 2e9 FLOP / 5e-4 s = 4e12 FLOP/s at 2 FLOP/B: on the GPU's memory roof, 2 × 2e12
    expect(data.datasets[2]!.data).toEqual([{ x: 2, y: 4e12, operator: 'qkv' }])
    expect(data.datasets[1]!.showLine).toBe(true)
    expect(data.datasets[0]!.showLine).toBeUndefined()
  })

  it('draws every roof over the same x range: the smallest and largest point or ridge, 2× beyond', () => {
    // x values: points 2, 4000, 2; ridges 1000 and 200 → from 2 / 2 = 1 to 4000 × 2 = 8000
    const data = rooflineChartData(result, 'decode')
    expect(data.datasets[1]!.data).toEqual([
      { x: 1, y: 1e12 },
      { x: 1000, y: 1e15 },
      { x: 8000, y: 1e15 },
    ])
    expect(data.datasets[3]!.data).toEqual([
      { x: 1, y: 2e12 }, // 1 × 2e12
      { x: 200, y: 4e14 }, // ridge 200: 200 × 2e12 = 4e14
      { x: 8000, y: 4e14 },
    ])
  })

  it('shows the prefill operators when asked', () => {
    const data = rooflineChartData(result, 'prefill')
    expect(data.datasets[0]!.data).toEqual([{ x: 2000, y: 1e15, operator: 'qkv' }])
    // x values: 2000, 2000; ridges 1000, 200 → from 100 to 4000
    expect(data.datasets[1]!.data.map((point) => point.x)).toEqual([100, 1000, 4000])
  })

  it('has no datasets when no system ran', () => {
    expect(rooflineChartData(runResult([outOfMemorySystem('dgx-a100', 'DGX A100')]), 'decode')).toEqual({
      datasets: [],
    })
  })
})
