import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { SCRIPTED_WORKER, scenario, tempContainer } from '../integration/helpers/tempContainer'
import { PROFILE, timeoutFor } from './profile'

// Runs and sweeps that never end (the scripted worker's "hang"), cancelled in generated orders,
// with quick ones queued behind them: every quick one must finish, none may stay queued.

type Job = { kind: 'run' | 'sweep'; hang: boolean }

const jobs = fc.array(fc.record({ kind: fc.constantFrom<Job['kind']>('run', 'sweep'), hang: fc.boolean() }), {
  minLength: 3,
  maxLength: 6,
})
const plan = jobs.chain((list) =>
  fc.record({
    jobs: fc.constant(list),
    // The order in which the hanging jobs are cancelled, and a pause (in ticks) before each.
    order: fc.shuffledSubarray(
      list.map((_, i) => i),
      { minLength: list.length, maxLength: list.length },
    ),
    pauses: fc.array(fc.nat({ max: 3 }), { minLength: list.length, maxLength: list.length }),
  }),
)

let container: ReturnType<typeof tempContainer> | undefined
afterEach(async () => {
  await container?.dispose()
  container = undefined
})

const axes = [{ path: 'workload.batch', values: [1, 2] }]

describe(`cancellations in every order (${PROFILE.name} profile, seed ${PROFILE.seed})`, () => {
  it(
    'leaves nothing stranded: each job not cancelled finishes, each cancelled one ends cancelled',
    async () => {
      for (const { jobs: list, order, pauses } of fc.sample(plan, {
        numRuns: PROFILE.cancellationOrders,
        seed: PROFILE.seed,
      })) {
        container = tempContainer(SCRIPTED_WORKER, { maxThreads: 2 })
        const temp = container
        const started = await Promise.all(
          list.map(async ({ kind, hang }, i) => {
            const job = scenario(hang ? 'hang' : `quick ${i}`, { systems: ['sn40l-node'] })
            return kind === 'run'
              ? { kind, hang, id: temp.runs.start({ scenario: job }).id }
              : { kind, hang, id: (await temp.sweeps.start({ scenario: job, axes })).id }
          }),
        )
        for (const [step, index] of order.entries()) {
          for (let tick = 0; tick < pauses[step]!; tick++) await new Promise((resolve) => setTimeout(resolve, 5))
          const job = started[index]!
          if (!job.hang) continue
          if (job.kind === 'run') await temp.runs.cancel(job.id)
          else await temp.sweeps.cancel(job.id)
        }
        const ends = await Promise.all(
          started.map(async (job) =>
            job.kind === 'run' ? (await temp.runs.waitFor(job.id)).status : (await temp.sweeps.waitFor(job.id)).status,
          ),
        )
        expect(ends).toEqual(started.map((job) => (job.hang ? 'cancelled' : 'finished')))
        await temp.dispose()
        container = undefined
      }
    },
    timeoutFor(PROFILE.cancellationOrders, 8_000),
  )
})
