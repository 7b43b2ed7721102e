import { describe, expect, it } from 'vitest'
import {
  CHANNELS,
  EVENTS,
  isActiveStatus,
  isFinalStatus,
  RUN_STATUSES,
  unwrapEnvelope,
  WorkbenchError,
} from '../../../contract/channels'

describe('channels', () => {
  it('gives every call and event one distinct wire name with the wb: prefix', () => {
    const names = [...Object.values(CHANNELS), ...Object.values(EVENTS)]
    expect(new Set(names).size).toBe(names.length)
    for (const name of names) expect(name).toMatch(/^wb:[a-z]+\.[a-zA-Z]+$|^wb:event\.[a-zA-Z]+$/)
  })

  it('treats exactly the four end states as final and the two live ones as cancellable', () => {
    expect(RUN_STATUSES.filter(isFinalStatus)).toEqual(['finished', 'failed', 'cancelled', 'interrupted'])
    expect(RUN_STATUSES.filter(isActiveStatus)).toEqual(['queued', 'running'])
  })

  it('unwraps a success and throws a WorkbenchError carrying the code for a failure', () => {
    expect(unwrapEnvelope({ ok: true, value: 3 })).toBe(3)
    const failure = () => unwrapEnvelope({ ok: false, error: { code: 'not_found', message: 'run 9 does not exist' } })
    expect(failure).toThrow(WorkbenchError)
    expect(failure).toThrow('run 9 does not exist')
    try {
      failure()
    } catch (error) {
      expect((error as WorkbenchError).code).toBe('not_found')
    }
  })
})
