/**
 * A FIFO gate that lets at most `capacity` tasks run at once. The pool queues here rather than in
 * piscina: piscina (5.x, minThreads 0) starts no new thread for its queue after it terminates an
 * aborted task's worker, so a task queued behind cancelled ones waited until some other task came.
 * Handing piscina only as many tasks as it has threads, it always spawns one for the next.
 */
export class TaskGate {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly capacity: number) {}

  /** Runs `task` when a slot is free; aborting while it waits rejects with the signal's reason. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal | null): Promise<T> {
    await this.enter(signal ?? undefined)
    try {
      return await task()
    } finally {
      this.running -= 1
      this.waiting.shift()?.()
    }
  }

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.waiting.length
  }

  private enter(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error)
    if (this.running < this.capacity) {
      this.running += 1
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const admit = (): void => {
        signal?.removeEventListener('abort', leave)
        this.running += 1
        resolve()
      }
      const leave = (): void => {
        const index = this.waiting.indexOf(admit)
        if (index >= 0) this.waiting.splice(index, 1)
        reject(signal!.reason as Error)
      }
      this.waiting.push(admit)
      signal?.addEventListener('abort', leave, { once: true })
    })
  }
}
