import type { Scenario } from '../../contract/api'
import type { MessagePort } from 'node:worker_threads'

/** What the pool hands a worker: the scenario and a port for progress messages. */
export interface SimTask {
  scenario: Scenario
  port: MessagePort
}

/**
 * Messages a worker posts on its port while a task runs. `done` is the last one: the pool waits
 * for it so that `started` and the final progress reach the caller before the result does.
 */
export type WorkerMessage = { type: 'started' } | { type: 'progress'; fraction: number } | { type: 'done' }
