import { describe, expect, it } from 'vitest'
import {
  bandLines,
  isBandEdge,
  scatterRange,
  splitShape,
  stackColorIndex,
  validationScatterData,
  type ValidationPoint,
} from '../../../../../renderer/src/charts/mappers/validationScatter'
import { SERIES_COLORS } from '../../../../../renderer/src/charts/palette'
import { validationScatterOptions, validationTick } from '../../../../../renderer/src/charts/validationOptions'
import { validationRow, validationRows } from '../../validationFixtures'

const reportStacks = validationRows().map((row) => row.stack)

describe('bandLines', () => {
  it('draws ±10% as y = 1.1x and y = 0.9x over [a, b]', () => {
    const { lower, upper } = bandLines(0.01, 100, 0.1)
    expect(upper.map((point) => point.x)).toEqual([0.01, 100])
    expect(upper[0]!.y).toBeCloseTo(0.011, 12)
    expect(upper[1]!.y).toBeCloseTo(110, 9)
    expect(lower[0]!.y).toBeCloseTo(0.009, 12)
    expect(lower[1]!.y).toBeCloseTo(90, 9)
  })

  it('draws ±25% as y = 1.25x and y = 0.75x', () => {
    const { lower, upper } = bandLines(2, 8, 0.25)
    expect(upper).toEqual([
      { x: 2, y: 2.5 },
      { x: 8, y: 10 },
    ])
    expect(lower).toEqual([
      { x: 2, y: 1.5 },
      { x: 8, y: 6 },
    ])
  })
})

describe('scatterRange', () => {
  it('spans whole decades around every value', () => {
    // 0.04 … 0.25: from 0.01 to 1
    expect(scatterRange([0.04, 0.06, 0.2, 0.25])).toEqual({ min: 0.01, max: 1 })
    // A value on a decade still gets a decade of room.
    expect(scatterRange([10])).toEqual({ min: 10, max: 100 })
    expect(scatterRange([])).toEqual({ min: 1, max: 10 })
  })
})

describe('stackColorIndex', () => {
  it('follows the stack registry, then the report’s other stacks alphabetically', () => {
    // STACK_IDS: nemo-2023, trtllm-2024, vllm-rocm-2024, sambaflow-2024, sambanova-cloud-2024, ideal
    const stacks = ['trtllm-2024', 'zeta', 'nvbandwidth', 'nemo-2023']
    expect(stackColorIndex('nemo-2023', stacks)).toBe(0)
    expect(stackColorIndex('trtllm-2024', stacks)).toBe(1)
    expect(stackColorIndex('nvbandwidth', stacks)).toBe(6)
    expect(stackColorIndex('zeta', stacks)).toBe(7)
  })
})

describe('splitShape', () => {
  it('draws fit rows as circles and check rows as diamonds', () => {
    expect(splitShape('fit')).toBe('circle')
    expect(splitShape('check')).toBe('rectRot')
  })
})

describe('validationScatterData', () => {
  const rows = validationRows()
  const chart = validationScatterData(rows, 'e2eSeconds', { reportStacks })
  const byLabel = (label: string) => chart.data.datasets.find((dataset) => dataset.label === label)!

  it('plots the scored rows of the metric at (measured, simulated), leaving the unsupported row out', () => {
    expect(chart.points).toBe(2)
    expect(byLabel('NeMo 2023').data).toEqual([
      { x: 0.2, y: 0.25, id: 'A-1', error: rows[0]!.error },
      { x: 0.1, y: 0.092, id: 'A-2', error: rows[1]!.error },
    ])
    // T-2 is TensorRT-LLM's only latency row, and unsupported: no dataset.
    expect(chart.data.datasets.some((dataset) => dataset.label === 'TensorRT-LLM 2024')).toBe(false)
    // 0.092 … 0.25
    expect(chart.range).toEqual({ min: 0.01, max: 1 })
  })

  it('shapes each point by its split', () => {
    expect(byLabel('NeMo 2023').pointStyle).toEqual(['circle', 'rectRot'])
  })

  it('draws the ±25% and ±10% bands (lower edge, then the upper filled down to it) and y = x over the range', () => {
    const labels = chart.data.datasets.map((dataset) => dataset.label)
    expect(labels).toEqual([
      'within ±25% lower edge',
      'within ±25%',
      'within ±10% lower edge',
      'within ±10%',
      'simulated = measured',
      'NeMo 2023',
    ])
    expect(byLabel('within ±10%').fill).toBe('-1')
    expect(byLabel('within ±10% lower edge').fill).toBe(false)
    const upper = byLabel('within ±10%').data as ValidationPoint[]
    expect(upper[0]!.y / upper[0]!.x).toBeCloseTo(1.1, 12)
    expect(byLabel('simulated = measured').data).toEqual([
      { x: 0.01, y: 0.01 },
      { x: 1, y: 1 },
    ])
    expect(labels.filter((label) => isBandEdge(label ?? ''))).toHaveLength(2)
  })

  it('keeps a stack’s colour whatever the filters leave', () => {
    const all = validationScatterData(rows, 'ttftSeconds', { reportStacks })
    const trt = all.data.datasets.find((dataset) => dataset.label === 'TensorRT-LLM 2024')!
    expect(trt.backgroundColor).toBe(SERIES_COLORS[1])
    // Only TensorRT-LLM left: still its own colour, not the first.
    const only = validationScatterData(
      rows.filter((row) => row.stack === 'trtllm-2024'),
      'ttftSeconds',
      { reportStacks },
    )
    expect(only.data.datasets.find((dataset) => dataset.label === 'TensorRT-LLM 2024')!.backgroundColor).toBe(
      SERIES_COLORS[1],
    )
  })

  it('takes the theme’s colours when given, and builds fresh arrays each time', () => {
    const colors = ['#111111', '#222222']
    const themed = validationScatterData(rows, 'e2eSeconds', { reportStacks, colors, ink: '#ffffff' })
    expect(themed.data.datasets.find((dataset) => dataset.label === 'NeMo 2023')!.borderColor).toBe('#111111')
    expect(themed.data.datasets.find((dataset) => dataset.label === 'simulated = measured')!.borderColor).toBe(
      '#ffffff',
    )
    const again = validationScatterData(rows, 'e2eSeconds', { reportStacks })
    expect(again.data.datasets[5]!.data).not.toBe(chart.data.datasets[5]!.data)
  })

  it('has only the bands and the line when no row of the metric is scored', () => {
    const empty = validationScatterData([validationRow('X', { simulated: null })], 'e2eSeconds', { reportStacks })
    expect(empty.points).toBe(0)
    expect(empty.data.datasets).toHaveLength(5)
    expect(empty.range).toEqual({ min: 1, max: 10 })
  })
})

describe('validationScatterOptions', () => {
  const options = validationScatterOptions('e2eSeconds', { min: 0.01, max: 1 })

  it('puts both log axes over the same range, titled in the metric’s unit', () => {
    expect(options.scales?.x).toMatchObject({ type: 'logarithmic', min: 0.01, max: 1 })
    expect(options.scales?.y).toMatchObject({ type: 'logarithmic', min: 0.01, max: 1 })
    expect(options.scales?.x?.title).toMatchObject({ text: 'measured end-to-end latency (s)' })
    expect(options.scales?.y?.title).toMatchObject({ text: 'simulated end-to-end latency (s)' })
  })

  it('writes the ticks short, in the metric’s unit', () => {
    expect(validationTick('e2eSeconds', 100)).toBe('100 s')
    expect(validationTick('e2eSeconds', 0.01)).toBe('10 ms')
    expect(validationTick('outputTokensPerSecondPerChip', 1000)).toBe('1,000 tok/s')
    expect(validationTick('hostToChipCopyBytesPerSecond', 1e10)).toBe('10 GB/s')
  })

  it('names a point’s row and error in its tooltip, and shows no tooltip for the line or bands', () => {
    const tooltip = options.plugins!.tooltip!
    const point = { x: 0.2, y: 0.25, id: 'A-1', error: 0.25 }
    const label = (tooltip.callbacks!.label as (item: unknown) => string)({ raw: point })
    expect(label).toBe('A-1: +25.0% (measured 200.0 ms, simulated 250.0 ms)')
    const filter = tooltip.filter as (item: unknown) => boolean
    expect(filter({ raw: point })).toBe(true)
    expect(filter({ raw: { x: 1, y: 1 } })).toBe(false)
  })
})
