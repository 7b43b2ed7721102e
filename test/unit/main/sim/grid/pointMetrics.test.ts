import { quantile } from 'simple-statistics'
import { describe, expect, it } from 'vitest'
import { evaluatePoint, evaluateSeeds } from '../../../../../main/sim/grid/evaluate'
import { combineSeeds, pointMetrics, spreadOf } from '../../../../../main/sim/grid/pointMetrics'
import { servedScenario } from '../fixtures/servedScenario'
import { simulate } from '../../../../../main/sim/simulate'

const serving = servedScenario('seeds')

describe('point metrics', () => {
  it('pick each metric out of a result', () => {
    const result = simulate(serving)
    const metrics = pointMetrics(result)
    const h100 = result.serving!.find((s) => s.systemId === 'dgx-h100')!
    const inference = result.systems.find((s) => s.systemId === 'dgx-h100')!
    expect(metrics['dgx-h100']).toEqual({
      totalSeconds: inference.metrics!.totalSeconds,
      timeToFirstTokenSeconds: inference.metrics!.timeToFirstTokenSeconds,
      outputTokensPerSecond: inference.metrics!.outputTokensPerSecond,
      requiredBytes: inference.memory.requiredBytes,
      machinesForExperts: h100.machinesForExperts,
      servingLatencyP50: h100.e2e.p50,
      servingLatencyP99: h100.e2e.p99,
      servingRequestsPerSecond: h100.throughput.requestsPerSecond,
      servingHitRate: h100.hitRate,
      servingSwitchShare: h100.switching.shareOfBusy,
      servingUtilisation: h100.utilisation,
    })
  })

  it('leave serving metrics null without a serving section', () => {
    const { serving: _serving, ...inferenceOnly } = serving
    const metrics = pointMetrics(simulate(inferenceOnly))
    expect(metrics['sn40l-node']!.servingLatencyP99).toBeNull()
    expect(metrics['sn40l-node']!.totalSeconds).toBeGreaterThan(0)
  })

  it('spread as simple-statistics’ quantiles: 1..5 gives 1.2, 3, 4.8', () => {
    // quantile of [1..5] at 0.05 interpolates: 1 + 0.05 × 4 = 1.2; at 0.95: 1 + 0.95 × 4 = 4.8
    expect(spreadOf([5, 1, 4, 2, 3])).toEqual({ p5: quantile([1, 2, 3, 4, 5], 0.05), p50: 3, p95: 4.8 })
    expect(combineSeeds([{ a: { totalSeconds: 2 } }, { a: { totalSeconds: null } }] as never)).toEqual({
      a: expect.objectContaining({ totalSeconds: { p5: 2, p50: 2, p95: 2 }, servingHitRate: null }),
    })
  })

  it('repeat a point over K seeds: each seed’s metrics equal that seed’s single run', () => {
    const axes = [{ path: 'serving.experts', values: [30, 60] }]
    const perSeed = evaluateSeeds(serving, axes, 1, 4)
    const single = [11, 12, 13, 14].map((seed) => pointMetrics(simulate({ ...serving, seed })))
    expect(perSeed).toEqual(single)
    // the seeds really differ, so the band is not trivial
    const p99 = single.map((m) => m['dgx-h100']!.servingLatencyP99!)
    expect(new Set(p99).size).toBeGreaterThan(1)
    const outcome = evaluatePoint(serving, axes, 1, 4)
    expect(outcome).toEqual({ index: 1, status: 'done', metrics: combineSeeds(single) })
    if (outcome.status === 'done') expect(outcome.metrics['dgx-h100']!.servingLatencyP99).toEqual(spreadOf(p99))
  })

  it('fail only the point whose scenario is invalid', () => {
    const outcome = evaluatePoint(serving, [{ path: 'workload.batch', values: [0] }], 0, 1)
    expect(outcome).toMatchObject({ index: 0, status: 'failed', error: expect.stringMatching(/workload\.batch=0/) })
  })
})
