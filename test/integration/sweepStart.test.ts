import { afterEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../main/dispatch'
import { ScenarioSchema } from '../../contract/api'
import { tempContainer } from './helpers/tempContainer'

let container: ReturnType<typeof tempContainer> | undefined
afterEach(async () => {
  await container?.dispose()
  container = undefined
})

/** A serving scenario replaying a trace of `length` arrivals: megabytes of JSON to validate per point. */
function traced(length: number) {
  return ScenarioSchema.parse({
    name: 'a long trace',
    systems: ['dgx-h100'],
    workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20 },
    serving: {
      experts: 10,
      requests: length,
      traffic: {
        kind: 'trace',
        arrivals: Array.from({ length }, (_, i) => ({ time: i * 0.01, promptTokens: 128, outputTokens: 20 })),
      },
    },
    seed: 1,
  })
}

describe('starting a sweep of a large scenario', () => {
  it('validates the grid off the main thread: other requests are answered meanwhile', async () => {
    container = tempContainer()
    const dispatch = createDispatch(container, () => {})
    const order: string[] = []
    const start = dispatch('wb:sweeps.start', {
      scenario: traced(5_000),
      axes: [{ path: 'seed', values: Array.from({ length: 40 }, (_, i) => i + 1) }],
    }).then((answer) => {
      order.push('sweeps.start')
      return answer
    })
    const presets = dispatch('wb:presets.list', {}).then(() => order.push('presets.list'))
    const [answer] = await Promise.all([start, presets])
    // Validated on the main thread, the whole grid was checked before the second call ran.
    expect(order).toEqual(['presets.list', 'sweeps.start'])
    expect(answer).toMatchObject({ ok: true, value: { points: 40 } })
    if (answer.ok) await container.sweeps.cancel((answer.value as { id: number }).id)
  })

  it('still names the first invalid point, checked in the worker', async () => {
    container = tempContainer()
    const dispatch = createDispatch(container, () => {})
    const answer = await dispatch('wb:sweeps.start', {
      scenario: traced(100),
      axes: [{ path: 'serving.experts', values: [10, 0] }],
    })
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: /serving\.experts=0 is not a valid scenario/ },
    })
    expect(container.sweeps.list(10)).toEqual([])
  })
})
