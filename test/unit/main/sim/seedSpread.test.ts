import { quantile } from 'simple-statistics'
import { describe, expect, it } from 'vitest'
import { consecutiveSeeds, summariseSeedSpread } from '../../../../main/sim/seedSpread'
import { servedScenario } from './fixtures/servedScenario'
import { simulate } from '../../../../main/sim/simulate'
import type { ServingSystemResult } from '../../../../main/sim/result'

const scenario = servedScenario('spread')

describe('a seed spread', () => {
  it('runs consecutive seeds, wrapping at 2³²', () => {
    expect(consecutiveSeeds(11, 3)).toEqual([11, 12, 13])
    expect(consecutiveSeeds(4294967295, 2)).toEqual([4294967295, 0])
  })

  it('spreads each serving metric over the seeds as simple-statistics’ quantiles', () => {
    const runs = consecutiveSeeds(scenario.seed, 4).map((seed) => simulate({ ...scenario, seed }))
    const spread = summariseSeedSpread(runs)
    expect(spread.seeds).toEqual([11, 12, 13, 14])
    const of = (systemId: string, pick: (s: ServingSystemResult) => number) => {
      const values = runs.map((run) => pick(run.serving!.find((s) => s.systemId === systemId)!))
      return { p5: quantile(values, 0.05), p50: quantile(values, 0.5), p95: quantile(values, 0.95) }
    }
    for (const { systemId, metrics } of spread.systems) {
      expect(metrics).toEqual({
        servingLatencyP50: of(systemId, (s) => s.e2e.p50),
        servingLatencyP99: of(systemId, (s) => s.e2e.p99),
        servingTtftP50: of(systemId, (s) => s.ttft.p50),
        servingRequestsPerSecond: of(systemId, (s) => s.throughput.requestsPerSecond),
        servingHitRate: of(systemId, (s) => s.hitRate),
        servingSwitchShare: of(systemId, (s) => s.switching.shareOfBusy),
        servingUtilisation: of(systemId, (s) => s.utilisation),
      })
    }
    expect(spread.systems.map((s) => s.systemId)).toEqual(
      runs[0]!.serving!.filter((s) => s.status === 'ok').map((s) => s.systemId),
    )
  })
})
