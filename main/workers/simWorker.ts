import { simulate } from '../sim/simulate'
import { ScenarioSchema } from '../sim/scenario/schema'
import type { RunResult } from '../sim/result'
import { throttleProgress } from './progressThrottle'
import type { SimTask, WorkerMessage } from './protocol'

export const PROGRESS_INTERVAL_MS = 100

/** Piscina task: simulate one scenario, posting start and throttled progress on the task's port. */
export default function runSimulation({ scenario, port }: SimTask): RunResult {
  const post = (message: WorkerMessage): void => port.postMessage(message)
  post({ type: 'started' })
  try {
    // Re-validate: the worker trusts nothing it did not check itself.
    const valid = ScenarioSchema.parse(scenario)
    const onProgress = throttleProgress(
      (fraction) => post({ type: 'progress', fraction }),
      PROGRESS_INTERVAL_MS,
      () => performance.now(),
    )
    return simulate(valid, { onProgress, now: () => performance.now() })
  } finally {
    // A port's 'close' does not reach the other end on every Node version: say so in a message.
    post({ type: 'done' })
    port.close()
  }
}

/** The sweep jobs, selected by name (`piscina.run(task, { name: 'evaluatePoints' })`). */
export { evaluatePoints, checkGrid } from './pointsJob'
/** The paper check, selected by name like the sweep jobs. */
export { paperReport } from './paperJob'
/** The validation against published measurements, likewise. */
export { validationRun } from './validationJob'
