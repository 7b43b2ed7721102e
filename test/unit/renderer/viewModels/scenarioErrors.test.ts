import { describe, expect, it } from 'vitest'
import { errorAt, fieldErrorsOf } from '../../../../renderer/src/viewModels/scenarioErrors'

describe('fieldErrorsOf', () => {
  it('maps each scenario issue to its field by path', () => {
    const issues = [
      { path: ['scenario', 'workload', 'batch'], message: 'Too small: expected number to be >=1' },
      { path: ['scenario', 'systems', 1], message: '"x" is listed twice' },
      {
        path: ['scenario', 'customSystems', 0, 'chip', 'peakFlops', 'value'],
        message: 'Too small: expected number to be >0',
      },
    ]
    expect(fieldErrorsOf(issues, 'ignored when there are issues')).toEqual({
      fields: {
        'workload.batch': 'Too small: expected number to be >=1',
        'systems.1': '"x" is listed twice',
        'customSystems.0.chip.peakFlops.value': 'Too small: expected number to be >0',
      },
      general: [],
    })
  })

  it('keeps issues that name no scenario field, and failures without issues, general', () => {
    const issues = [
      { path: ['seeds'], message: 'Too big: expected number to be <=64' },
      { path: ['scenario'], message: 'Invalid input' },
    ]
    expect(fieldErrorsOf(issues)).toEqual({
      fields: {},
      general: ['seeds: Too big: expected number to be <=64', 'Invalid input'],
    })
    expect(fieldErrorsOf([], 'Could not reach the workbench')).toEqual({
      fields: {},
      general: ['Could not reach the workbench'],
    })
    expect(fieldErrorsOf([])).toEqual({ fields: {}, general: [] })
  })

  it('joins two messages for the same field', () => {
    const name = (message: string) => ({ path: ['scenario', 'name'], message })
    expect(fieldErrorsOf([name('a'), name('b')]).fields).toEqual({ name: 'a; b' })
  })

  it('keeps a message containing a colon or "; " whole: nothing is split', () => {
    const message = 'dgx-a100 has no dataflow fusion: use unfused; or pick another system'
    expect(fieldErrorsOf([{ path: ['scenario', 'systemOverrides', 'dgx-a100', 'mode'], message }]).fields).toEqual({
      'systemOverrides.dgx-a100.mode': message,
    })
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
