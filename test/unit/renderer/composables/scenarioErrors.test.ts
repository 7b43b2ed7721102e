import { describe, expect, it } from 'vitest'
import { errorAt, fieldErrorsOf } from '../../../../renderer/src/composables/scenarioErrors'

describe('fieldErrorsOf', () => {
  it('maps each scenario path to its field, several joined by "; "', () => {
    const message =
      'scenario.workload.batch: Too small: expected number to be >=1; scenario.systems.1: "x" is listed twice; ' +
      'scenario.customSystems.0.chip.peakFlops.value: Too small: expected number to be >0'
    expect(fieldErrorsOf(message)).toEqual({
      fields: {
        'workload.batch': 'Too small: expected number to be >=1',
        'systems.1': '"x" is listed twice',
        'customSystems.0.chip.peakFlops.value': 'Too small: expected number to be >0',
      },
      general: [],
    })
  })

  it('keeps messages that name no scenario field general', () => {
    expect(fieldErrorsOf('seeds: Too big: expected number to be <=64; scenario: Invalid input')).toEqual({
      fields: {},
      general: ['seeds: Too big: expected number to be <=64', 'Invalid input'],
    })
    expect(fieldErrorsOf('Could not reach the workbench')).toEqual({
      fields: {},
      general: ['Could not reach the workbench'],
    })
    expect(fieldErrorsOf('')).toEqual({ fields: {}, general: [] })
  })

  it('joins two messages for the same field', () => {
    expect(fieldErrorsOf('scenario.name: a; scenario.name: b').fields).toEqual({ name: 'a; b' })
  })

  it('keeps a message containing a colon whole', () => {
    expect(
      fieldErrorsOf('scenario.systemOverrides.dgx-a100.mode: dgx-a100 has no dataflow fusion: use unfused').fields,
    ).toEqual({ 'systemOverrides.dgx-a100.mode': 'dgx-a100 has no dataflow fusion: use unfused' })
  })
})

describe('errorAt', () => {
  const errors = { 'systems.1': 'twice', 'customSystems.0.chip.hbmBytes.value': 'too small', 'workload.batch': 'bad' }
  it('finds a field and everything beneath it, or that path only when exact', () => {
    expect(errorAt(errors, 'systems')).toBe('twice')
    expect(errorAt(errors, 'customSystems.0.chip.hbmBytes')).toBe('too small')
    expect(errorAt(errors, 'workload.batch', true)).toBe('bad')
    expect(errorAt(errors, 'systems', true)).toBeUndefined()
    expect(errorAt(errors, 'workload.batchSize')).toBeUndefined()
  })
})
