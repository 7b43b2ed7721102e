import { afterEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../main/dispatch'
import { pointMetrics, spreadOf } from '../../main/sim/grid/pointMetrics'
import { OVERRIDABLE_FIGURE, OVERRIDABLE_FIGURES } from '../../main/sim/hardware/overridableFigures'
import type { SensitivityDto, SweepSummaryDto } from '../../contract/api'
import { scenario, tempContainer } from './helpers/tempContainer'

const containers: ReturnType<typeof tempContainer>[] = []
afterEach(async () => {
  await Promise.all(containers.splice(0).map((c) => c.dispose()))
})

function open(): ReturnType<typeof tempContainer> {
  const container = tempContainer()
  containers.push(container)
  return container
}

const serving = scenario('sweep', {
  systems: ['sn40l-node', 'dgx-h100'],
  serving: { experts: 40, traffic: { kind: 'poisson', rate: 2 }, requests: 150 },
})

describe('sweeps', () => {
  it('runs a two-field grid and stores each point’s metrics, row-major', async () => {
    const container = open()
    const axes = [
      { path: 'serving.experts', values: [20, 60] },
      { path: 'serving.cachePolicy', values: ['lru', 'lfu', 'pinned'] },
    ]
    const started = await container.sweeps.start({ scenario: serving, axes })
    expect(started).toMatchObject({ points: 6, systems: ['sn40l-node', 'dgx-h100'], seeds: 1 })
    const sweep = await container.sweeps.waitFor(started.id)
    expect(sweep).toMatchObject({ status: 'finished', done: 6, failed: 0 })
    expect(sweep.pointsData.map((p) => p.values)).toEqual([
      [20, 'lru'],
      [20, 'lfu'],
      [20, 'pinned'],
      [60, 'lru'],
      [60, 'lfu'],
      [60, 'pinned'],
    ])
    expect(sweep.pointsData[4]!.metrics['dgx-h100']!.servingLatencyP99!.p50).toBeGreaterThan(0)
    expect(container.sweeps.list(10).map((s) => s.id)).toEqual([started.id])
  })

  it('repeats a point over K seeds: its spread is that of the K single runs', async () => {
    const container = open()
    const started = await container.sweeps.start({
      scenario: serving,
      axes: [{ path: 'serving.experts', values: [40] }],
      seeds: 4,
    })
    const sweep = await container.sweeps.waitFor(started.id)
    const single = await Promise.all(
      [1, 2, 3, 4].map(async (seed) => {
        const run = container.runs.start({ scenario: { ...serving, seed } })
        return pointMetrics((await container.runs.waitFor(run.id)).result!)
      }),
    )
    for (const system of ['sn40l-node', 'dgx-h100']) {
      const p99 = single.map((m) => m[system]!.servingLatencyP99!)
      expect(sweep.pointsData[0]!.metrics[system]!.servingLatencyP99).toEqual(spreadOf(p99))
    }
  })

  it('cancels, keeps the points done, and resumes only the rest to the same results', async () => {
    const container = open()
    const axes = [{ path: 'serving.experts', values: Array.from({ length: 120 }, (_, i) => 10 + i) }]
    const heavier = { ...serving, serving: { ...serving.serving!, requests: 400 } }
    const started = await container.sweeps.start({ scenario: heavier, axes })
    await new Promise<void>((resolve) => {
      const listener = (sweep: SweepSummaryDto): void => {
        if (sweep.id !== started.id || sweep.done === 0) return
        container.events.off('onSweepUpdated', listener)
        resolve()
      }
      container.events.on('onSweepUpdated', listener)
    })
    const cancelled = await container.sweeps.cancel(started.id)
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.done).toBeGreaterThan(0)
    expect(cancelled.done).toBeLessThan(120)
    const keptBefore = container.sweeps.get(started.id).pointsData.filter((p) => p.status === 'done')

    const resumed = container.sweeps.resume(started.id)
    expect(resumed.status).toBe('running')
    const sweep = await container.sweeps.waitFor(started.id)
    expect(sweep).toMatchObject({ status: 'finished', done: 120, failed: 0, sweepHash: started.sweepHash })
    for (const point of keptBefore) expect(sweep.pointsData[point.index]).toEqual(point)
    await expect(async () => container.sweeps.resume(started.id)).rejects.toThrow(/nothing to resume/)
    expect(container.sweeps.delete(started.id)).toEqual({ sweepId: started.id })
    expect(container.sweeps.list(10)).toEqual([])
  })

  it('refuses to resume a sweep another simulator version ran, and marks one whose points could not be stored', async () => {
    const container = open()
    const axes = [{ path: 'serving.experts', values: [10, 20, 30, 40] }]
    const old = await container.sweeps.start({ scenario: serving, axes })
    await container.sweeps.waitFor(old.id)
    container.store.db
      .prepare("UPDATE sweeps SET simulator_version = '0.0.1', status = 'cancelled' WHERE id = ?")
      .run(old.id)
    container.store.db.prepare("UPDATE sweep_points SET status = 'pending' WHERE sweep_id = ? AND idx = 3").run(old.id)
    expect(() => container.sweeps.resume(old.id)).toThrow(/simulator 0\.0\.1; this is .*start it again/)

    // A store that refuses every point's write: the sweep ends interrupted, its points still pending.
    const recordPoints = container.store.sweeps.recordPoints.bind(container.store.sweeps)
    container.store.sweeps.recordPoints = () => {
      throw new Error('SQLITE_BUSY: database is locked')
    }
    try {
      const refused = await container.sweeps.start({ scenario: serving, axes })
      const ended = await container.sweeps.waitFor(refused.id)
      expect(ended).toMatchObject({ status: 'interrupted', done: 0 })
      expect(ended.error).toMatch(/4 point\(s\) could not be stored/)
    } finally {
      container.store.sweeps.recordPoints = recordPoints
    }
  })

  it('answers every channel through dispatch, naming the axis of an invalid point', async () => {
    const container = open()
    const dispatch = createDispatch(container, () => {})
    const bad = await dispatch('wb:sweeps.start', {
      scenario: serving,
      axes: [{ path: 'workload.batch', values: [1, 0] }],
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(!bad.ok && bad.error.message).toMatch(/workload\.batch=0 is not a valid scenario: workload\.batch/)
    const big = Array.from({ length: 400 }, (_, i) => i + 1)
    const tooBig = await dispatch('wb:sweeps.start', {
      scenario: serving,
      axes: [
        { path: 'workload.batch', values: big },
        { path: 'workload.promptTokens', values: big },
      ],
    })
    expect(!tooBig.ok && tooBig.error.message).toMatch(/160000 points .*at most 100000/)
    expect(await dispatch('wb:sweeps.get', { sweepId: 99 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const ok = await dispatch('wb:sweeps.start', {
      scenario: { ...serving, serving: undefined },
      axes: [{ path: 'workload.batch', values: [1, 2, 4, 8, 16, 32, 64] }],
    })
    expect(ok.ok).toBe(true)
    const id = (ok as { value: SweepSummaryDto }).value.id
    await container.sweeps.waitFor(id)
    const got = await dispatch('wb:sweeps.get', { sweepId: id })
    expect(got).toMatchObject({ ok: true, value: { status: 'finished', done: 7 } })
    expect(await dispatch('wb:sweeps.cancel', { sweepId: id })).toMatchObject({ error: { code: 'conflict' } })
  })

  it('measures sensitivity: one bar per figure, sorted by swing, around the unmoved metric', async () => {
    const container = open()
    const dispatch = createDispatch(container, () => {})
    const base = scenario('tornado')
    const answer = await dispatch('wb:sensitivity.run', { scenario: base, metric: 'totalSeconds', system: 'dgx-h100' })
    expect(answer.ok).toBe(true)
    const tornado = (answer as { value: SensitivityDto }).value
    expect(tornado).toMatchObject({ metric: 'totalSeconds', system: 'dgx-h100', step: 0.2 })
    // Every overridable figure the sensitivity table marks (hardware/overridableFigures.ts)
    expect(tornado.bars.map((bar) => bar.path).sort()).toEqual(
      OVERRIDABLE_FIGURES.filter((key) => OVERRIDABLE_FIGURE[key].sensitivity)
        .map((key) => `systemOverrides.dgx-h100.${key}`)
        .sort(),
    )
    const swings = tornado.bars.map((bar) => bar.swing)
    expect(swings).toEqual([...swings].sort((a, b) => b - a))
    expect(swings[0]).toBeGreaterThan(0)
    const run = container.runs.start({ scenario: base })
    const single = (await container.runs.waitFor(run.id)).result!
    expect(tornado.baseline).toBe(single.systems.find((s) => s.systemId === 'dgx-h100')!.metrics!.totalSeconds)
    // less memory bandwidth, slower decode: the low end of memoryEfficiency takes longer
    const memory = tornado.bars.find((bar) => bar.path === 'systemOverrides.dgx-h100.memoryEfficiency')!
    expect(memory.low.metric).toBeGreaterThan(tornado.baseline)
    const unknown = await dispatch('wb:sensitivity.run', { scenario: base, metric: 'totalSeconds', system: 'dgx-a100' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
