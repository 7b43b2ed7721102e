import { describe, expect, it } from 'vitest'
import { CANCELLED, endOf, JobTracker, SHUTDOWN, writeThenAnnounce } from '../../../../main/services/jobs'
import type { Logger } from '../../../../main/services/logger'

function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = []
  return { errors, info: () => {}, error: (message) => errors.push(message) }
}

/** A job that waits for its signal and records the end `endOf` gives. */
function waitingJob(ends: string[]) {
  return (signal: AbortSignal) =>
    new Promise<void>((resolve) =>
      signal.addEventListener('abort', () => {
        ends.push(endOf(signal, signal.reason).status)
        resolve()
      }),
    )
}

describe('JobTracker', () => {
  it('cancels a job with CANCELLED and waits for it to record its end', async () => {
    const jobs = new JobTracker<number>(recordingLogger(), 'Test')
    const ends: string[] = []
    jobs.launch(1, waitingJob(ends))
    expect(jobs.has(1)).toBe(true)
    expect(await jobs.cancel(1)).toBe(true)
    expect(ends).toEqual(['cancelled'])
    expect(jobs.has(1)).toBe(false)
    expect(await jobs.cancel(1)).toBe(false)
  })

  it('shuts every job down as interrupted', async () => {
    const jobs = new JobTracker<string>(recordingLogger(), 'Test')
    const ends: string[] = []
    jobs.launch('a', waitingJob(ends))
    jobs.launch('b', waitingJob(ends))
    await jobs.shutdown()
    expect(ends).toEqual(['interrupted', 'interrupted'])
  })

  it('aborts a job at its limit with the limit as the reason', async () => {
    const jobs = new JobTracker<string>(recordingLogger(), 'Test')
    const limit = new Error('stopped after 0.01 s')
    let reason: unknown
    jobs.launch(
      'slow',
      (signal) =>
        new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve((reason = signal.reason)))),
      { ms: 10, reason: limit },
    )
    await jobs.waitFor('slow')
    expect(reason).toBe(limit)
    expect(endOf(AbortSignal.abort(limit), limit)).toEqual({ status: 'failed', message: 'stopped after 0.01 s' })
  })

  it('logs a job that throws instead of recording its end, and forgets it', async () => {
    const log = recordingLogger()
    const jobs = new JobTracker<number>(log, 'Test')
    jobs.launch(7, () => Promise.reject(new Error('the store is gone')))
    await jobs.waitFor(7)
    expect(log.errors).toEqual(['[Test] 7 lost its bookkeeping: Error: the store is gone'])
    expect(jobs.has(7)).toBe(false)
  })
})

describe('endOf', () => {
  it('tells cancel, shutdown and failure apart by the signal’s reason', () => {
    expect(endOf(AbortSignal.abort(CANCELLED), new Error('x')).status).toBe('cancelled')
    expect(endOf(AbortSignal.abort(SHUTDOWN), new Error('x')).status).toBe('interrupted')
    expect(endOf(new AbortController().signal, new Error('boom'))).toEqual({ status: 'failed', message: 'boom' })
  })
})

describe('writeThenAnnounce', () => {
  it('announces what the store holds after the write, and only if the write landed', () => {
    const log = recordingLogger()
    const heard: string[] = []
    let stored = 'old'
    expect(
      writeThenAnnounce(
        log,
        'Test',
        'run 1',
        () => (stored = 'new'),
        () => stored,
        (v) => heard.push(v),
      ),
    ).toBe(true)
    const failing = () => {
      throw new Error('SQLITE_BUSY')
    }
    expect(
      writeThenAnnounce(
        log,
        'Test',
        'run 1',
        failing,
        () => stored,
        (v) => heard.push(v),
      ),
    ).toBe(false)
    expect(heard).toEqual(['new'])
    expect(log.errors).toEqual(['[Test] could not record run 1: SQLITE_BUSY'])
  })

  it('keeps the write when a listener throws, and logs it', () => {
    const log = recordingLogger()
    const landed = writeThenAnnounce(
      log,
      'Test',
      'run 2',
      () => {},
      () => 'v',
      failingListener,
    )
    expect(landed).toBe(true)
    expect(log.errors).toEqual(['[Test] could not announce run 2: listener broke'])
  })
})

function failingListener(): void {
  throw new Error('listener broke')
}
