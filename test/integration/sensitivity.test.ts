import { afterEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../main/dispatch'
import { SCRIPTED_WORKER, scenario, tempContainer } from './helpers/tempContainer'

type Temp = ReturnType<typeof tempContainer>
let container: Temp | undefined
afterEach(async () => {
  await container?.dispose()
  container = undefined
})

const hanging = { scenario: scenario('hang'), metric: 'totalSeconds' as const, system: 'dgx-h100', step: 0.2 }

/** Both workers are free again: a run started now finishes. */
async function poolDrains(temp: Temp): Promise<void> {
  const run = temp.runs.start({ scenario: scenario('after') })
  expect((await temp.runs.waitFor(run.id)).status).toBe('finished')
}

describe('sensitivity analyses', () => {
  it('can be cancelled by request id, freeing the workers', async () => {
    container = createHanging()
    const dispatch = createDispatch(container, () => {})
    const answer = dispatch('wb:sensitivity.run', { ...hanging, requestId: 'tornado-1' })
    // The analysis holds both workers with points that never end; wait until it is in flight.
    for (let tries = 0; tries < 250 && !isRunning(container, 'tornado-1'); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(await dispatch('wb:sensitivity.cancel', { requestId: 'tornado-1' })).toEqual({
      ok: true,
      value: { cancelled: true },
    })
    expect(await answer).toMatchObject({ ok: false, error: { code: 'conflict', message: /cancelled by the user/ } })
    expect(await dispatch('wb:sensitivity.cancel', { requestId: 'tornado-1' })).toEqual({
      ok: true,
      value: { cancelled: false },
    })
    await poolDrains(container)
  })

  it('is stopped at its time limit, freeing the workers', async () => {
    container = createHanging({ sensitivityLimitMs: 200 })
    await expect(container.sweeps.sensitivity(hanging)).rejects.toThrow(/stopped after 0.2 s/)
    await poolDrains(container)
  })

  it('is stopped by shutdown', async () => {
    container = createHanging()
    const analysis = container.sweeps.sensitivity(hanging)
    const refused = expect(analysis).rejects.toThrow(/shut down/)
    await container.sweeps.shutdown()
    await refused
  })

  it('refuses a request id that is already running', async () => {
    container = createHanging()
    const first = container.sweeps.sensitivity({ ...hanging, requestId: 'same' }).catch((error: Error) => error)
    await expect(container.sweeps.sensitivity({ ...hanging, requestId: 'same' })).rejects.toThrow(/running already/)
    container.sweeps.cancelSensitivity('same')
    expect(await first).toBeInstanceOf(Error)
  })
})

function createHanging(options: { sensitivityLimitMs?: number } = {}): Temp {
  return tempContainer(SCRIPTED_WORKER, { maxThreads: 2, ...options })
}

/** Whether an analysis of that id is in flight (the service keeps them in a map by request id). */
function isRunning(temp: Temp, requestId: string): boolean {
  return (temp.sweeps as unknown as { analyses: { has(key: string): boolean } }).analyses.has(requestId)
}
