import { describe, expect, it } from 'vitest'
import { OVERRIDABLE_FIGURE, ScenarioSchema } from '../../../../contract/api'
import { checkField, describeField, humanize, leafFields } from '../../../../renderer/src/viewModels/schemaHelp'

describe('describeField', () => {
  it.each([
    // path, label, the schema's own description
    ['workload.batch', 'Batch', ScenarioSchema.shape.workload.shape.batch.description],
    ['workload.promptTokens', 'Prompt tokens', 'Tokens in each prompt'],
    ['name', 'Name', 'A short name shown in lists'],
    ['seed', 'Seed', 'Seed of every random stream of the run'],
    ['systemOverrides.dgx-h100.chips', 'Chips', OVERRIDABLE_FIGURE.chips.description],
    ['serving.traffic.rate', 'Rate', 'Requests per second'],
    ['serving.requests', 'Requests', 'Requests to simulate (a trace: at most its length)'],
    ['runsStart.seeds', 'Seeds', expect.stringContaining('consecutive seeds')],
  ])('%s: label %s and the schema’s help', (path, label, help) => {
    expect(describeField(path)).toMatchObject({ path, label, help })
  })

  it('reads bounds, choices and defaults from the schema', () => {
    expect(describeField('workload.batch')).toMatchObject({ min: 1, max: 1024, optional: false })
    expect(describeField('workload.precision')).toMatchObject({
      options: ['bf16', 'fp16', 'fp8', 'int8'],
      defaultValue: 'bf16',
    })
    expect(describeField('customSystems.0.chip.precisionPeaks.fp8')).toMatchObject({ label: 'FP8', optional: true })
    expect(describeField('assumptions.hostLinkModel')).toMatchObject({
      options: ['paper', 'perGpuLinks'],
      defaultValue: 'paper',
      optional: true,
    })
    expect(describeField('assumptions.logitsForLastTokenOnly')?.defaultValue).toBe(true)
    // gt(0) with no upper bound: a lower bound, no upper one.
    expect(describeField('customSystems.0.chip.peakFlops.value')).toMatchObject({
      label: 'Peak FLOP/s',
      min: 0,
      max: null,
    })
  })

  it('answers undefined for a path the schema does not have', () => {
    expect(describeField('workload.nope')).toBeUndefined()
    expect(describeField('systems.x')).toBeUndefined()
  })
})

describe('checkField', () => {
  it.each([
    ['workload.batch', 0, 'Too small: expected number to be >=1'],
    ['workload.batch', 8, null],
    ['customSystems.0.chip.computeEfficiency.value', 1.5, 'Too big: expected number to be <=1'],
    ['customSystems.0.id', 'Bad Id', 'lower-case letters, digits and dashes'],
    ['systemOverrides.x.chips', undefined, null],
    ['unknown.path', 1, null],
  ])('%s = %s → %s', (path, value, message) => {
    expect(checkField(path, value)).toBe(message)
  })
})

describe('leafFields', () => {
  it('lists every field of a system, a { value, source } pair as one quantity', () => {
    const fields = leafFields('customSystems.0')
    expect(fields.slice(0, 4)).toEqual([
      { path: 'id', kind: 'text', options: null },
      { path: 'name', kind: 'text', options: null },
      { path: 'description', kind: 'text', options: null },
      { path: 'chip.name', kind: 'text', options: null },
    ])
    expect(fields).toContainEqual({ path: 'chip.peakFlops', kind: 'quantity', options: null })
    expect(fields).toContainEqual({ path: 'execution.kernelLaunch', kind: 'enum', options: ['async', 'sync'] })
    expect(fields).toContainEqual({ path: 'execution.dataflowFusion', kind: 'boolean', options: null })
    expect(fields).toContainEqual({ path: 'chip.precisionPeaks.fp8', kind: 'quantity', options: null })
    // chip 10 (7 + 3 precision peaks), chipCount, capacity tier 4, interconnect 2, execution 7
    expect(fields.filter((field) => field.kind === 'quantity')).toHaveLength(24)
  })
})

describe('humanize', () => {
  it.each([
    ['promptTokens', 'Prompt tokens'],
    ['hbmBytes', 'HBM bytes'],
    ['peakFlops', 'Peak FLOP/s'],
    ['perChipCopyBandwidth', 'Per chip copy bandwidth'],
    ['fp8', 'FP8'],
  ])('%s → %s', (key, label) => expect(humanize(key)).toBe(label))
})
