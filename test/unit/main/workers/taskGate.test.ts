import { describe, expect, it } from 'vitest'
import { TaskGate } from '../../../../main/workers/taskGate'

/** A task that ends when told to. */
function deferred(): { promise: Promise<string>; finish: (value: string) => void } {
  let finish!: (value: string) => void
  const promise = new Promise<string>((resolve) => (finish = resolve))
  return { promise, finish }
}

describe('TaskGate', () => {
  it('runs at most `capacity` tasks at once, the rest in arrival order', async () => {
    const gate = new TaskGate(2)
    const started: string[] = []
    const tasks = ['a', 'b', 'c', 'd'].map((name) => ({ name, ...deferred() }))
    const results = tasks.map(({ name, promise }) =>
      gate.run(() => {
        started.push(name)
        return promise
      }),
    )
    await Promise.resolve()
    expect(started).toEqual(['a', 'b'])
    expect(gate.queued).toBe(2)
    tasks[1]!.finish('b done')
    await results[1]
    await Promise.resolve()
    expect(started).toEqual(['a', 'b', 'c'])
    tasks[0]!.finish('a done')
    tasks[2]!.finish('c done')
    tasks[3]!.finish('d done')
    expect(await Promise.all(results)).toEqual(['a done', 'b done', 'c done', 'd done'])
  })

  it('frees the slot of a task that throws', async () => {
    const gate = new TaskGate(1)
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await gate.run(() => Promise.resolve('next'))).toBe('next')
  })

  it('drops a waiting task whose signal aborts, with the signal’s reason, and never starts it', async () => {
    const gate = new TaskGate(1)
    const first = deferred()
    const running = gate.run(() => first.promise)
    const controller = new AbortController()
    let ran = false
    const waiting = gate.run(() => {
      ran = true
      return Promise.resolve('ran')
    }, controller.signal)
    const reason = new Error('cancelled by the user')
    controller.abort(reason)
    await expect(waiting).rejects.toBe(reason)
    expect(gate.queued).toBe(0)
    first.finish('first')
    await running
    expect(ran).toBe(false)
    await expect(gate.run(() => Promise.resolve('x'), controller.signal)).rejects.toBe(reason)
  })
})
